import { divergent } from '../check/convergence.ts';
import { lossCheckpoints, lostWrites, type LostWrite } from '../check/lostWrites.ts';
import { staleCheckerFor } from '../check/staleReads.ts';
import type { NodeId } from '../sim/ids.ts';
import type { OpRecord } from '../sim/trace.ts';
import type { Moment } from '../sim/timeline.ts';
import type { Run } from './run.ts';
import type { OpMark } from '../view/narration.ts';
import { replicaCells, type KeyCell } from '../view/replicaCells.ts';

/**
 * The cluster at one moment of a run, as every view sees it: computed once per run and
 * time (`run.at(t)`), frozen, and made only of what had happened by then. An operation is
 * pending until the moment it completed; a message is in flight from when it was sent until
 * it ended; a verdict (stale, lost) exists only once its operation has completed. The run
 * is simulated ahead of the playhead, but a moment never reads past its own time, so
 * nothing it says can change when the run is simulated further.
 */
export interface RunMoment {
  readonly moment: Moment;
  readonly keys: readonly string[];
  readonly cells: Map<NodeId, KeyCell[]>;
  /** Operations as they stood at this moment. */
  readonly ops: readonly OpAtMoment[];
  readonly divergentKeys: readonly string[];
  readonly staleIds: ReadonlySet<number>;
  /** Acknowledged writes lost as of this moment, with why (see check/lostWrites.ts). */
  readonly lost: readonly LostWrite[];
  /** What the checkers found wrong with an operation at this moment: stale, lost, or nothing. */
  readonly markOf: (op: OpRecord) => OpMark;
  /** Hints each stand-in holds at this moment: the key, and the replica it is meant for. */
  readonly hints: ReadonlyMap<NodeId, readonly { readonly key: string; readonly owner: NodeId }[]>;
}

export interface OpAtMoment {
  readonly op: OpRecord;
  /** The outcome as known at this moment: pending until it completed. */
  readonly status: OpRecord['outcome'];
}

/** The moment at t: use `run.at(t)`, which computes it once. */
export function computeMoment(run: Run, t: number): RunMoment {
  const { sim, timeline } = run;
  const moment = timeline.moment(t, run.replicas);
  const ops = sim.trace.ops.filter((o) => o.invokedAt <= t).map((op) => ({ op, status: op.completedAt !== null && op.completedAt <= t ? op.outcome : ('pending' as const) }));
  const acked = ops.filter((o) => o.op.kind === 'write' && o.status === 'ok').map((o) => o.op);
  const keys = [...new Set([...timeline.keys(), ...ops.map((o) => o.op.key)])].sort();
  const holders = (key: string) => sim.preferenceList(key);
  const stateOf = (n: NodeId, k: string) => moment.storage.get(n)?.get(k);
  const cells = replicaCells(run.replicas, keys, holders, stateOf, acked, sim.strategy);
  const divergentKeys = divergent(keys, holders, stateOf, sim.strategy).map((d) => d.key);
  const completed = ops.filter((o) => o.status !== 'pending').map((o) => o.op);
  // Each read's verdict is worked out once per run and remembered: this runs every frame.
  const isStale = staleCheckerFor(sim.trace.ops, sim.strategy);
  const staleIds = new Set(completed.filter(isStale).map((op) => op.id as number));
  // A write can only vanish when a crash throws away writes not yet on disk; until one has,
  // only the history matters, and that verdict is remembered per write.
  const checkpoints = lossCheckpoints(sim.trace, (at) => (at === t ? moment : timeline.moment(at, run.replicas)), t, sim.config.readRepair);
  const lost = lostWrites(sim.trace.ops, sim.strategy, t, checkpoints);
  const lostIds = new Set(lost.map((l) => l.write.id as number));
  const markOf = (op: OpRecord): OpMark => (staleIds.has(op.id) ? 'stale' : lostIds.has(op.id) ? 'lost' : null);
  return Object.freeze({ moment, keys, cells, ops, divergentKeys, staleIds, lost, markOf, hints: hintsAt(run, t) });
}

/** Replay the hint log up to t: what each stand-in is holding for whom. */
function hintsAt(run: Run, t: number): Map<NodeId, { key: string; owner: NodeId }[]> {
  const held = new Map<string, { node: NodeId; key: string; owner: NodeId }>();
  for (const h of run.sim.trace.hints) {
    if (h.at > t) break;
    const id = `${h.node}|${h.key}|${h.owner}`;
    if (h.state === null) held.delete(id);
    else held.set(id, { node: h.node, key: h.key, owner: h.owner });
  }
  const out = new Map<NodeId, { key: string; owner: NodeId }[]>();
  for (const { node, key, owner } of held.values()) {
    const list = out.get(node) ?? [];
    list.push({ key, owner });
    out.set(node, list);
  }
  return out;
}
