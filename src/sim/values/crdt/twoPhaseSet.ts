import { formatSet, parseSetOp, type SetOp } from '../ops.ts';
import type { ValueStrategy } from '../types.ts';
import { sameList, union } from './types.ts';

/**
 * A two-phase set: a G-Set of adds and a G-Set of removes (tombstones). An item is in the
 * set if added and not removed; once removed it can never come back, whatever is added later.
 */
export interface TwoPhaseSetState {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export function twoPhaseItems(state: TwoPhaseSetState): string[] {
  return state.added.filter((x) => !state.removed.includes(x));
}

/** Writes are "+item" and "-item". Removing what this replica has never seen added does nothing (version null). */
export const twoPhaseSet: ValueStrategy<TwoPhaseSetState, SetOp | null> = {
  id: '2p-set',
  empty: () => ({ added: [], removed: [] }),
  create(local, value) {
    const op = parseSetOp(value);
    if (op.type === 'add') return { version: op, delta: { ...local, added: union(local.added, [op.item]) }, context: null };
    if (!local.added.includes(op.item)) return { version: null, delta: local, context: null };
    return { version: op, delta: { ...local, removed: union(local.removed, [op.item]) }, context: null };
  },
  merge: (a, b) => ({ added: union(a.added, b.added), removed: union(a.removed, b.removed) }),
  equals: (a, b) => sameList(a.added, b.added) && sameList(a.removed, b.removed),
  covers: (state, version) => version === null || (version.type === 'add' ? state.added : state.removed).includes(version.item),
  values: (state) => [formatSet(twoPhaseItems(state))],
  context: () => null,
};
