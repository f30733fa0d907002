import { formatSet, parseSetOp } from '../ops.ts';
import type { ValueStrategy } from '../types.ts';
import { sameList, union } from './types.ts';

/**
 * An observed-remove set. Every add carries a unique tag (the coordinator's id and its
 * own counter: "A3"); a remove deletes the tags it has seen for that item, recording them
 * as tombstones. A concurrent add elsewhere has a tag the remove never saw, so it survives
 * the merge: add wins. Re-adding after a remove makes a new tag, so an item can come back
 * (unlike in a 2P-Set).
 */
export interface OrSetState {
  /** Live (item, tag) pairs, sorted by tag. */
  readonly entries: readonly OrSetEntry[];
  /** Tags that a remove has seen, sorted. */
  readonly tombstones: readonly string[];
}
export interface OrSetEntry {
  readonly item: string;
  readonly tag: string;
}
/** One OR-Set update: an add and its tag, or a remove and the tags it saw. */
export type OrSetVersion = { readonly type: 'add'; readonly item: string; readonly tag: string } | { readonly type: 'remove'; readonly item: string; readonly observed: readonly string[] };

function normalise(entries: readonly OrSetEntry[], tombstones: readonly string[]): OrSetState {
  const seen = new Map<string, OrSetEntry>();
  for (const e of entries) if (!tombstones.includes(e.tag)) seen.set(e.tag, e);
  return { entries: [...seen.values()].sort((x, y) => (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0)), tombstones: [...tombstones].sort() };
}

/** The tags a remove of `item` would observe at this state: what it will delete. */
export function observedTags(state: OrSetState, item: string): string[] {
  return state.entries.filter((e) => e.item === item).map((e) => e.tag);
}

/** The items in the set, sorted, once each. */
export function orSetItems(state: OrSetState): string[] {
  return [...new Set(state.entries.map((e) => e.item))].sort();
}

/** Writes are "+item" and "-item". */
export const orSet: ValueStrategy<OrSetState, OrSetVersion> = {
  id: 'or-set',
  // Tags and tombstones only grow, and a merge checks each tag against the tombstones.
  mergeWork: (writes) => writes + writes ** 3 / 3,
  empty: () => ({ entries: [], tombstones: [] }),
  create(local, value, meta) {
    const op = parseSetOp(value);
    if (op.type === 'add') {
      const tag = `${meta.node}${meta.counter}`;
      return { version: { type: 'add', item: op.item, tag }, delta: normalise([...local.entries, { item: op.item, tag }], local.tombstones), context: null };
    }
    const observed = observedTags(local, op.item);
    return { version: { type: 'remove', item: op.item, observed }, delta: normalise(local.entries, union(local.tombstones, observed)), context: null };
  },
  merge: (a, b) => normalise([...a.entries, ...b.entries], union(a.tombstones, b.tombstones)),
  equals: (a, b) => sameList(a.entries.map((e) => `${e.item}#${e.tag}`), b.entries.map((e) => `${e.item}#${e.tag}`)) && sameList(a.tombstones, b.tombstones),
  covers(state, version) {
    if (version.type === 'add') return state.entries.some((e) => e.tag === version.tag) || state.tombstones.includes(version.tag);
    return version.observed.every((t) => state.tombstones.includes(t));
  },
  values: (state) => [formatSet(orSetItems(state))],
  context: () => null,
};
