import { sameList, union, type Crdt } from './types.ts';

/** A grow-only set: items can be added, never removed; merge is union. */
export type GSetState = readonly string[];
export type GSetOp = { readonly type: 'add'; readonly item: string };

export const gSet: Crdt<GSetState, GSetOp, string[]> = {
  id: 'g-set',
  name: 'G-Set',
  empty: () => [],
  apply: (state, op) => union(state, [op.item]),
  merge: (a, b) => union(a, b),
  equals: sameList,
  value: (state) => [...state],
  describe: (state) => `{${state.join(', ')}}`,
};
