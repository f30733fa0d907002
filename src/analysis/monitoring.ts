import { staleReads } from '../check/staleReads.ts';
import type { NodeId } from '../sim/ids.ts';
import type { OpRecord, StorageChange } from '../sim/trace.ts';
import type { ValueStrategy } from '../sim/values/types.ts';
import { quantile } from './quantile.ts';

/**
 * The monitoring board's figures for any run, from its trace: each replica's replication
 * lag over time, how long acknowledged writes took to reach every replica of their key,
 * the stale-read rate and the conflict rate, each against an alert threshold. Pure: the
 * replication lab draws them, and a learner makes each alert fire and clear with faults.
 *
 * Definitions, as the board states them:
 * - A replica's lag at a moment: how long ago the oldest acknowledged write of a key it
 *   holds, which it does not yet have and some other replica does, was acknowledged (0 when
 *   it has them all; a write no replica holds any more is lost, not late).
 * - A write's convergence time: from its acknowledgement until every replica of its key
 *   has it (or a later write that covers it); none if the run ends first.
 * - Stale reads: reads that missed a write acknowledged before they began (staleReads).
 * - Conflicts: acknowledged writes whose coordinator, when it wrote, did not have an
 *   earlier acknowledged write of the same key: written without seeing it, so under last
 *   write wins the timestamps decide which of the two is lost, with siblings both are
 *   kept, and a CRDT merges them.
 *
 * Cost: about (writes × moments a replica changed × replicas) for convergence and
 * (samples × replicas × writes) for lag: fine for a lab's runs of a few hundred writes;
 * the board should run in a worker, as the checkers do, before it meets the long runs.
 */

export const THRESHOLDS = { lagMs: 5_000, conflictRate: 0.01, staleRate: 0.1 } as const;

export interface LagSample {
  readonly at: number;
  /** Each replica's lag at that moment, in ms. */
  readonly lag: Readonly<Record<NodeId, number>>;
}

export interface Board {
  readonly lag: readonly LagSample[];
  /** Convergence times of the writes that converged, in ms, sorted. */
  readonly convergence: readonly number[];
  readonly convergencePercentiles: { readonly p50: number; readonly p95: number; readonly p99: number } | null;
  /** Acknowledged writes that had not reached every replica by the run's end. */
  readonly unconverged: number;
  readonly staleRate: number;
  readonly conflictRate: number;
  /** Which thresholds are crossed at the run's end (lag: the largest lag in the last sample). */
  readonly alerts: { readonly lag: boolean; readonly conflicts: boolean; readonly staleReads: boolean };
}

/** Per replica and key, the state at each change, in time order: the state at any moment. */
function stateAt(changes: readonly StorageChange[]) {
  const byCell = new Map<string, StorageChange[]>();
  for (const c of changes) {
    const cell = `${c.node}\u0000${c.key}`;
    let list = byCell.get(cell);
    if (!list) byCell.set(cell, (list = []));
    list.push(c);
  }
  return (node: NodeId, key: string, at: number): unknown => {
    const list = byCell.get(`${node}\u0000${key}`);
    if (!list) return undefined;
    let found: unknown = undefined;
    for (const c of list) {
      if (c.at > at) break;
      found = c.state;
    }
    return found;
  };
}

/**
 * The board for a run up to `until`, sampling lag every `stepMs`.
 *
 * @example board(sim.trace.ops, [...sim.trace.changes], (k) => ['A', 'B', 'C'], sim.strategy, 10_000).alerts
 */
export function board(
  ops: readonly OpRecord[],
  changes: readonly StorageChange[],
  holders: (key: string) => readonly NodeId[],
  strategy: ValueStrategy<unknown, unknown>,
  until: number,
  stepMs = 250,
): Board {
  const at = stateAt([...changes].sort((a, b) => a.at - b.at));
  const has = (node: NodeId, key: string, t: number, version: unknown) => {
    const state = at(node, key, t);
    return state !== undefined && strategy.covers(state, version);
  };
  const acked = ops.filter((o) => o.kind === 'write' && o.outcome === 'ok' && o.version !== null && o.completedAt !== null && o.completedAt <= until);
  // The moments anything changed: a write can only reach a replica at one of them.
  const moments = [...new Set(changes.map((c) => c.at))].filter((t) => t <= until).sort((a, b) => a - b);

  const convergence: number[] = [];
  let unconverged = 0;
  for (const w of acked) {
    const done = [w.completedAt!, ...moments.filter((t) => t > w.completedAt!)].find((t) => holders(w.key).every((n) => has(n, w.key, t, w.version)));
    if (done === undefined) unconverged++;
    else convergence.push(done - w.completedAt!);
  }
  convergence.sort((a, b) => a - b);

  const nodes = [...new Set(acked.flatMap((w) => holders(w.key)))].sort();
  const lag: LagSample[] = [];
  for (let t = 0; t <= until; t += stepMs) {
    const sample: Record<NodeId, number> = {};
    for (const n of nodes) {
      // A write no replica holds any more (lost in a rollback or a crash) is not lag: nothing can still bring it.
      const missing = acked.filter((w) => w.completedAt! <= t && holders(w.key).includes(n) && !has(n, w.key, t, w.version) && holders(w.key).some((m) => has(m, w.key, t, w.version)));
      sample[n] = missing.length === 0 ? 0 : t - Math.min(...missing.map((w) => w.completedAt!));
    }
    lag.push({ at: t, lag: sample });
  }

  const reads = ops.filter((o) => o.kind === 'read' && o.outcome === 'ok' && o.completedAt !== null && o.completedAt <= until);
  const stale = staleReads(
    ops.filter((o) => o.completedAt !== null && o.completedAt <= until),
    strategy,
  ).length;
  // When a coordinator created a write: the first change at it that holds the write (its own apply).
  const createdAt = (w: OpRecord) => changes.find((c) => c.node === w.coordinator && c.key === w.key && strategy.covers(c.state, w.version))?.at ?? w.invokedAt;
  const conflicts = acked.filter((w) => {
    const made = createdAt(w);
    // What the coordinator held just before it wrote: an earlier acknowledged write missing from it was not seen.
    return acked.some((earlier) => earlier !== w && earlier.key === w.key && earlier.completedAt! < made && !has(w.coordinator, w.key, made - 1e-6, earlier.version));
  }).length;
  const staleRate = reads.length === 0 ? 0 : stale / reads.length;
  const conflictRate = acked.length === 0 ? 0 : conflicts / acked.length;
  const last = lag.at(-1)?.lag ?? {};
  return {
    lag,
    convergence,
    convergencePercentiles: convergence.length === 0 ? null : { p50: quantile(convergence, 0.5), p95: quantile(convergence, 0.95), p99: quantile(convergence, 0.99) },
    unconverged,
    staleRate,
    conflictRate,
    alerts: { lag: Object.values(last).some((l) => l > THRESHOLDS.lagMs), conflicts: conflictRate > THRESHOLDS.conflictRate, staleReads: staleRate > THRESHOLDS.staleRate },
  };
}
