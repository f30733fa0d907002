import type { NodeId, OpId } from '../ids.ts';
import type { ValueStrategy } from './types.ts';

/**
 * A last-write-wins register. Each write is stamped with the coordinator's physical
 * clock (skew included), ties broken by node id, then by that node's counter. The merge
 * keeps the highest stamp and silently drops the other write: with skewed clocks the
 * dropped one can be the write that really came last.
 */
export interface LwwVersion {
  readonly value: string;
  readonly ts: number;
  readonly node: NodeId;
  readonly seq: number;
  readonly op: OpId;
}

export type LwwState = LwwVersion | null;

/** Total order on stamps: timestamp, then node id, then the node's counter. */
export function stampCompare(a: LwwVersion, b: LwwVersion): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return a.seq - b.seq;
}

export const lww: ValueStrategy<LwwState, LwwVersion> = {
  id: 'lww',
  empty: () => null,
  create(_local, value, meta) {
    const version: LwwVersion = {
      value,
      ts: meta.clock,
      node: meta.node,
      seq: meta.counter,
      op: meta.op,
    };
    return { version, delta: version, context: null };
  },
  merge(a, b) {
    if (a === null) return b;
    if (b === null) return a;
    return stampCompare(a, b) >= 0 ? a : b;
  },
  equals(a, b) {
    if (a === null || b === null) return a === b;
    return stampCompare(a, b) === 0;
  },
  covers(state, version) {
    return state !== null && stampCompare(state, version) >= 0;
  },
  versionState: (version) => version,
  values: (state) => (state === null ? [] : [state.value]),
  context: () => null,
};
