import { staleReads } from '../check/staleReads.ts';
import { quantile } from './quantile.ts';
import type { OpRecord } from '../sim/trace.ts';
import type { ValueStrategy } from '../sim/values/types.ts';

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
}

export interface Measurements {
  readonly writes: number;
  readonly reads: number;
  /** Operations that failed or timed out. */
  readonly failedWrites: number;
  readonly failedReads: number;
  /** Successful reads that missed a write acknowledged before they began. */
  readonly staleReads: number;
  /** staleReads / successful reads (0 when there were none). */
  readonly staleRate: number;
  /** Successful writes / writes finished, and the same for reads. */
  readonly writeAvailability: number;
  readonly readAvailability: number;
  /** Latency of successful operations, from invocation to answer (ms). */
  readonly writeLatency: LatencySummary;
  readonly readLatency: LatencySummary;
}

/**
 * What a run's operations measured, counting only those finished by `upTo`: the figures
 * the quorum lab shows beside the picture, computed from the history, not from a table.
 *
 * @example measure(sim.trace.ops, sim.strategy).staleRate // 0 with W + R > N and no faults
 */
export function measure(ops: readonly OpRecord[], strategy: ValueStrategy<unknown, unknown>, upTo = Infinity): Measurements {
  const done = ops.filter((o) => o.completedAt !== null && o.completedAt <= upTo);
  const writes = done.filter((o) => o.kind === 'write');
  const reads = done.filter((o) => o.kind === 'read');
  const okWrites = writes.filter((o) => o.outcome === 'ok');
  const okReads = reads.filter((o) => o.outcome === 'ok');
  const stale = staleReads(done, strategy).length;
  return {
    writes: writes.length,
    reads: reads.length,
    failedWrites: writes.length - okWrites.length,
    failedReads: reads.length - okReads.length,
    staleReads: stale,
    staleRate: okReads.length === 0 ? 0 : stale / okReads.length,
    writeAvailability: writes.length === 0 ? 1 : okWrites.length / writes.length,
    readAvailability: reads.length === 0 ? 1 : okReads.length / reads.length,
    writeLatency: latency(okWrites),
    readLatency: latency(okReads),
  };
}

function latency(ops: readonly OpRecord[]): LatencySummary {
  const ms = ops.map((o) => o.completedAt! - o.invokedAt).sort((a, b) => a - b);
  return { count: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99) };
}
