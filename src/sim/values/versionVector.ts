/**
 * Version vectors: one counter per node. `a` dominates `b` when every entry of `a` is at
 * least `b`'s and one is larger; neither dominating means the two are concurrent.
 * A missing entry counts as 0, so {A: 1} and {A: 1, B: 0} are equal. (The store in the
 * course's sample code walked only its own entries and got exactly this case wrong.)
 */
export type VersionVector = Readonly<Record<string, number>>;

/** An entry, 0 when missing. Own properties only: a node called "constructor" is just a node. */
function entry(v: VersionVector, node: string): number {
  return Object.hasOwn(v, node) ? v[node]! : 0;
}

/** Set an own entry, even for a name like "__proto__" that plain assignment would not store. */
function put(out: Record<string, number>, node: string, value: number): void {
  Object.defineProperty(out, node, { value, enumerable: true, writable: true, configurable: true });
}

export type Order = 'equal' | 'before' | 'after' | 'concurrent';

/**
 * Compare two vectors.
 *
 * @example compare({ A: 2, B: 0 }, { A: 1, B: 1 }) // 'concurrent'
 * @example compare({ A: 1 }, { A: 2, B: 1 })       // 'before'
 */
export function compare(a: VersionVector, b: VersionVector): Order {
  let aBigger = false;
  let bBigger = false;
  for (const node of nodesOf(a, b)) {
    const x = entry(a, node);
    const y = entry(b, node);
    if (x > y) aBigger = true;
    else if (y > x) bBigger = true;
  }
  if (aBigger && bBigger) return 'concurrent';
  if (aBigger) return 'after';
  if (bBigger) return 'before';
  return 'equal';
}

/** a ≤ b in the partial order. */
export function leq(a: VersionVector, b: VersionVector): boolean {
  for (const node of Object.keys(a)) if (entry(a, node) > entry(b, node)) return false;
  return true;
}

/**
 * The least upper bound: entry-wise maximum. Zero entries are dropped so that equal
 * vectors have one spelling.
 *
 * @example merge({ A: 2 }, { A: 1, B: 3 }) // { A: 2, B: 3 }
 */
export function merge(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<string, number> = {};
  for (const node of nodesOf(a, b)) {
    const v = Math.max(entry(a, node), entry(b, node));
    if (v > 0) put(out, node, v);
  }
  return out;
}

/** The vector with `node`'s entry set to `value` (zero removes it). */
export function withEntry(v: VersionVector, node: string, value: number): VersionVector {
  const out: Record<string, number> = { ...v };
  if (value > 0) put(out, node, value);
  else delete out[node];
  return sortKeys(out);
}

/** The entries that make `a` larger than `b`: what a picture should highlight. */
export function entriesAhead(a: VersionVector, b: VersionVector): string[] {
  return nodesOf(a, b).filter((node) => entry(a, node) > entry(b, node));
}

/** "{A:2, B:1}", with entries in node order. */
export function format(v: VersionVector): string {
  const nodes = Object.keys(v).sort();
  return `{${nodes.map((n) => `${n}:${v[n]}`).join(', ')}}`;
}

function nodesOf(a: VersionVector, b: VersionVector): string[] {
  const set = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...set].sort();
}

function sortKeys(v: Record<string, number>): VersionVector {
  const out: Record<string, number> = {};
  for (const k of Object.keys(v).sort()) put(out, k, v[k]!);
  return out;
}
