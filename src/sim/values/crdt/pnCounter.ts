import { parseCounterOp } from '../ops.ts';
import type { ValueStrategy } from '../types.ts';
import { bump, gCounterTotal, mergeGCounters, sameGCounter, type GCounterState } from './gCounter.ts';

/** A counter that can go down: two G-Counters, increments and decrements; the value is their difference. */
export interface PnCounterState {
  readonly p: GCounterState;
  readonly n: GCounterState;
}
/** One update: which half it raised, and the coordinator's entry there after it. */
export interface PnCounterVersion {
  readonly half: 'p' | 'n';
  readonly node: string;
  readonly count: number;
}

export function pnCounterTotal(state: PnCounterState): number {
  return gCounterTotal(state.p) - gCounterTotal(state.n);
}

/** Writes are "+1" or "-1" (or "+n", "-n"). */
export const pnCounter: ValueStrategy<PnCounterState, PnCounterVersion> = {
  id: 'pn-counter',
  empty: () => ({ p: {}, n: {} }),
  create(local, value, meta) {
    const op = parseCounterOp(value);
    const half = op.sign > 0 ? 'p' : 'n';
    const state = { ...local, [half]: bump(local[half], meta.node, op.by) };
    return { version: { half, node: meta.node, count: state[half][meta.node] ?? 0 }, delta: state, context: null };
  },
  merge: (a, b) => ({ p: mergeGCounters(a.p, b.p), n: mergeGCounters(a.n, b.n) }),
  equals: (a, b) => sameGCounter(a.p, b.p) && sameGCounter(a.n, b.n),
  covers: (state, version) => (state[version.half][version.node] ?? 0) >= version.count,
  values: (state) => [String(pnCounterTotal(state))],
  context: () => null,
};
