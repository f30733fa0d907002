import type { HistoryOp, Scalar } from './history.ts';

/**
 * A register as a sequential object: the specification the consistency checkers hold a
 * history to. Its state is the value it holds (null: nothing written yet).
 */
export type RegisterState = Scalar | null;

export const INITIAL: RegisterState = null;

/**
 * Apply one operation to the register, as if it ran alone at one instant: the new state,
 * or undefined if the operation could not have answered as it did from `state`.
 * An open operation (no answer) answers anything: a compare-and-set then swaps or not as
 * the state says.
 */
export function step(state: RegisterState, op: HistoryOp): RegisterState | undefined {
  switch (op.f) {
    case 'write':
      return op.value;
    case 'read': {
      const v = op.value;
      if (v === undefined) return state;
      // Siblings are several values at once: no single register answers that.
      if (Array.isArray(v)) return undefined;
      return v === state ? state : undefined;
    }
    case 'cas': {
      const equal = state === op.expect;
      if (op.swapped === undefined) return equal ? op.value : state;
      if (op.swapped !== equal) return undefined;
      return equal ? op.value : state;
    }
  }
}
