import { parseCounterOp } from '../ops.ts';
import type { ValueStrategy } from '../types.ts';
import { sortedKeys } from './types.ts';

/** A grow-only counter: one count per replica, each replica bumps only its own; the value is the sum. */
export type GCounterState = Readonly<Record<string, number>>;
/** One increment: the coordinator's own entry after it. */
export interface GCounterVersion {
  readonly node: string;
  readonly count: number;
}

export function gCounterTotal(state: GCounterState): number {
  return Object.values(state).reduce((s, n) => s + n, 0);
}

/** A G-Counter raised by `by` in `node`'s entry. */
export function bump(state: GCounterState, node: string, by: number): GCounterState {
  return { ...state, [node]: (state[node] ?? 0) + by };
}

export function mergeGCounters(a: GCounterState, b: GCounterState): GCounterState {
  const out: Record<string, number> = {};
  for (const k of sortedKeys({ ...a, ...b })) out[k] = Math.max(a[k] ?? 0, b[k] ?? 0);
  return out;
}

export function sameGCounter(a: GCounterState, b: GCounterState): boolean {
  return sortedKeys({ ...a, ...b }).every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** Writes are "+1" (or "+n"); a G-Counter cannot count down, so "-1" changes nothing. */
export const gCounter: ValueStrategy<GCounterState, GCounterVersion> = {
  id: 'g-counter',
  empty: () => ({}),
  create(local, value, meta) {
    const op = parseCounterOp(value);
    const state = op.sign > 0 ? bump(local, meta.node, op.by) : local;
    return { version: { node: meta.node, count: state[meta.node] ?? 0 }, delta: state, context: null };
  },
  merge: mergeGCounters,
  equals: sameGCounter,
  covers: (state, version) => (state[version.node] ?? 0) >= version.count,
  values: (state) => [String(gCounterTotal(state))],
  context: () => null,
};
