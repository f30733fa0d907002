import { sameList, union, type Crdt } from './types.ts';

/**
 * An observed-remove set. Every add carries a unique tag; a remove deletes the tags it has
 * seen for that item, recording them as tombstones. A concurrent add elsewhere has a tag
 * the remove never saw, so it survives the merge: add wins. Re-adding after a remove makes
 * a new tag, so an item can come back (unlike in a 2P-Set).
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
export type OrSetOp = { readonly type: 'add' | 'remove'; readonly item: string };

function normalise(entries: readonly OrSetEntry[], tombstones: readonly string[]): OrSetState {
  const seen = new Map<string, OrSetEntry>();
  for (const e of entries) if (!tombstones.includes(e.tag)) seen.set(e.tag, e);
  return { entries: [...seen.values()].sort((x, y) => (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0)), tombstones: [...tombstones].sort() };
}

export const orSet: Crdt<OrSetState, OrSetOp, string[]> = {
  id: 'or-set',
  name: 'OR-Set',
  empty: () => ({ entries: [], tombstones: [] }),
  apply(state, op, _replica, tag) {
    if (op.type === 'add') return normalise([...state.entries, { item: op.item, tag }], state.tombstones);
    const observed = state.entries.filter((e) => e.item === op.item).map((e) => e.tag);
    return normalise(state.entries, union(state.tombstones, observed));
  },
  merge: (a, b) => normalise([...a.entries, ...b.entries], union(a.tombstones, b.tombstones)),
  equals: (a, b) => sameList(a.entries.map((e) => `${e.item}#${e.tag}`), b.entries.map((e) => `${e.item}#${e.tag}`)) && sameList(a.tombstones, b.tombstones),
  value: (state) => [...new Set(state.entries.map((e) => e.item))].sort(),
  describe: (state) => `{${state.entries.map((e) => `${e.item}#${e.tag}`).join(', ')}} tombstones {${state.tombstones.join(', ')}}`,
};

/** The tags a remove of `item` would observe at this state: what it will delete. */
export function observedTags(state: OrSetState, item: string): string[] {
  return state.entries.filter((e) => e.item === item).map((e) => e.tag);
}
