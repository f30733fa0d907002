import { registerStrategy } from './index.ts';
import { lww, type LwwState, type LwwVersion } from './lww.ts';
import { parseCounterOp } from './ops.ts';
import type { ValueStrategy } from './types.ts';

/**
 * A counter kept the naive way, for the like-counter exercise: one last-write-wins
 * register holding the total. A write "+1" reads the coordinator's own copy, adds one and
 * writes the new total stamped with the coordinator's clock, as an app server that reads,
 * increments and writes back would. Two coordinators that have not heard from each other
 * both write "old total + 1"; the higher stamp wins and the other increment is gone. The
 * cart kept as one LWW value (cart.ts) fails the same way.
 */
export function lwwTotal(state: LwwState): number {
  return state === null ? 0 : Number(state.value);
}

export const lwwCounter: ValueStrategy<LwwState, LwwVersion> = {
  ...lww,
  id: 'lww-counter',
  create(local, value, meta) {
    const op = parseCounterOp(value);
    return lww.create(local, String(lwwTotal(local) + op.sign * op.by), meta);
  },
};

registerStrategy(lwwCounter as ValueStrategy<unknown, unknown>);
