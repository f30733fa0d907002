/**
 * The data types whose writes are operations rather than values take them as short
 * strings, so a scenario, a link and the simulator carry them like any other write:
 *
 * - sets: "+tv" adds tv, "-tv" removes it; anything else adds the text as it is, so no
 *   write is refused;
 * - counters: "+3" adds three, "-1" takes one away, "+0" changes nothing; anything else
 *   adds one.
 */
export type SetOp = { readonly type: 'add' | 'remove'; readonly item: string };

export function parseSetOp(value: string): SetOp {
  if (value.startsWith('+') && value.length > 1) return { type: 'add', item: value.slice(1) };
  if (value.startsWith('-') && value.length > 1) return { type: 'remove', item: value.slice(1) };
  return { type: 'add', item: value };
}

export interface CounterOp {
  /** +1 counts up, -1 counts down. */
  readonly sign: 1 | -1;
  /** How much (0 or more). */
  readonly by: number;
}

export function parseCounterOp(value: string): CounterOp {
  const match = /^([+-])(\d{1,6})$/.exec(value);
  if (!match) return { sign: 1, by: 1 };
  return { sign: match[1] === '-' ? -1 : 1, by: Number(match[2]) };
}

/** A set as a read returns it: "{headphones, tv}", items sorted and once each; "{}" when empty. */
export function formatSet(items: Iterable<string>): string {
  return `{${[...new Set(items)].sort().join(', ')}}`;
}

/** The items of a set written by formatSet. */
export function parseSet(value: string): string[] {
  const inner = value.startsWith('{') && value.endsWith('}') ? value.slice(1, -1) : value;
  return inner === '' ? [] : inner.split(', ');
}
