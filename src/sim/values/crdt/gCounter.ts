import { sortedKeys, type Crdt } from './types.ts';

/** A grow-only counter: one count per replica, each replica bumps only its own; the value is the sum. */
export type GCounterState = Readonly<Record<string, number>>;
export type GCounterOp = { readonly type: 'inc'; readonly by?: number };

export const gCounter: Crdt<GCounterState, GCounterOp, number> = {
  id: 'g-counter',
  name: 'G-Counter',
  empty: () => ({}),
  apply: (state, op, replica) => ({ ...state, [replica]: (state[replica] ?? 0) + Math.max(0, op.by ?? 1) }),
  merge(a, b) {
    const out: Record<string, number> = {};
    for (const k of sortedKeys({ ...a, ...b })) out[k] = Math.max(a[k] ?? 0, b[k] ?? 0);
    return out;
  },
  equals: (a, b) => sortedKeys({ ...a, ...b }).every((k) => (a[k] ?? 0) === (b[k] ?? 0)),
  value: (state) => Object.values(state).reduce((s, n) => s + n, 0),
  describe: (state) => `{${sortedKeys(state).map((k) => `${k}:${state[k]}`).join(', ')}}`,
};
