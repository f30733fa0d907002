import { formatSet, parseSetOp } from '../ops.ts';
import type { ValueStrategy } from '../types.ts';
import { sameList, union } from './types.ts';

/** A grow-only set: items can be added, never removed; merge is union. */
export type GSetState = readonly string[];

/** Writes are "+item"; a G-Set cannot remove, so "-item" changes nothing. */
export const gSet: ValueStrategy<GSetState, string | null> = {
  id: 'g-set',
  empty: () => [],
  create(local, value) {
    const op = parseSetOp(value);
    if (op.type === 'remove') return { version: null, delta: local, context: null };
    return { version: op.item, delta: union(local, [op.item]), context: null };
  },
  merge: (a, b) => union(a, b),
  equals: sameList,
  covers: (state, version) => version === null || state.includes(version),
  values: (state) => [formatSet(state)],
  context: () => null,
};
