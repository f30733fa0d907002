import { sameList, union, type Crdt } from './types.ts';

/**
 * A two-phase set: a G-Set of adds and a G-Set of removes (tombstones). An item is in the
 * set if added and not removed; once removed it can never come back, whatever is added later.
 */
export interface TwoPhaseSetState {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}
export type TwoPhaseSetOp = { readonly type: 'add' | 'remove'; readonly item: string };

export const twoPhaseSet: Crdt<TwoPhaseSetState, TwoPhaseSetOp, string[]> = {
  id: '2p-set',
  name: '2P-Set',
  empty: () => ({ added: [], removed: [] }),
  apply(state, op) {
    if (op.type === 'add') return { ...state, added: union(state.added, [op.item]) };
    // Removing what this replica has never seen added does nothing.
    return state.added.includes(op.item) ? { ...state, removed: union(state.removed, [op.item]) } : state;
  },
  merge: (a, b) => ({ added: union(a.added, b.added), removed: union(a.removed, b.removed) }),
  equals: (a, b) => sameList(a.added, b.added) && sameList(a.removed, b.removed),
  value: (state) => state.added.filter((x) => !state.removed.includes(x)),
  describe: (state) => `added {${state.added.join(', ')}} removed {${state.removed.join(', ')}}`,
};
