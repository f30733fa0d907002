import { gCounter, type GCounterState } from './gCounter.ts';
import type { Crdt } from './types.ts';

/** A counter that can go down: two G-Counters, increments and decrements; the value is their difference. */
export interface PnCounterState {
  readonly p: GCounterState;
  readonly n: GCounterState;
}
export type PnCounterOp = { readonly type: 'inc' | 'dec'; readonly by?: number };

export const pnCounter: Crdt<PnCounterState, PnCounterOp, number> = {
  id: 'pn-counter',
  name: 'PN-Counter',
  empty: () => ({ p: {}, n: {} }),
  apply: (state, op, replica, tag) =>
    op.type === 'inc' ? { ...state, p: gCounter.apply(state.p, { type: 'inc', by: op.by }, replica, tag) } : { ...state, n: gCounter.apply(state.n, { type: 'inc', by: op.by }, replica, tag) },
  merge: (a, b) => ({ p: gCounter.merge(a.p, b.p), n: gCounter.merge(a.n, b.n) }),
  equals: (a, b) => gCounter.equals(a.p, b.p) && gCounter.equals(a.n, b.n),
  value: (state) => gCounter.value(state.p) - gCounter.value(state.n),
  describe: (state) => `P ${gCounter.describe(state.p)} N ${gCounter.describe(state.n)}`,
};
