import type { NodeId, OpId } from '../sim/ids.ts';
import type { OpRecord, Trace } from '../sim/trace.ts';

/**
 * Single-leader runs, read back from the trace: who led when, each replica's log at any
 * moment, and the ledger of acknowledged writes the leader of the moment does not have: a
 * client was told they were saved, and the replica serving writes now lacks them. (A later
 * failover back to a replica that still holds one could bring it back; Raft prevents that
 * with an empty entry each new leader writes, which this lab does not yet do.)
 */

export interface Roles {
  /** The leader clients are sent to. */
  readonly leader: NodeId;
  readonly term: number;
  /** Replicas that still believe they lead an older term (not yet told of the newer one). */
  readonly stale: ReadonlyMap<NodeId, number>;
}

/** Who leads at `t`, in which term, and which old leaders have not yet stepped down. */
export function rolesAt(trace: Trace, first: NodeId, t: number): Roles {
  let leader = first;
  let term = 1;
  const stale = new Map<NodeId, number>();
  for (const e of trace.events) {
    if (e.at > t) break;
    if (e.type === 'promote') {
      stale.set(leader, term);
      leader = e.node;
      term = e.term;
      stale.delete(e.node);
    } else if (e.type === 'step-down') stale.delete(e.node);
  }
  return { leader, term, stale };
}

/** The leader clients were sent to at `t`: the first replica until a promotion. */
export function leaderAt(trace: Trace, first: NodeId, t: number): NodeId {
  return rolesAt(trace, first, t).leader;
}

/** A replica's log at `t`: the operations of its entries, in log order. */
export function logAt(trace: Trace, node: NodeId, t: number): OpId[] {
  const log: OpId[] = [];
  for (const rec of trace.log) {
    if (rec.at > t) break;
    if (rec.node !== node) continue;
    if (rec.op === null) log.length = Math.min(log.length, rec.index - 1);
    else log[rec.index - 1] = rec.op;
  }
  return log;
}

export interface LostWrite {
  readonly op: OpRecord;
  /** The replica that acknowledged it. */
  readonly ackedBy: NodeId;
  /** The leader that does not have it. */
  readonly leader: NodeId;
  /** Whether the replica that acknowledged it has since rolled it back, too. */
  readonly rolledBack: boolean;
}

/**
 * Acknowledged writes missing from the log of the leader at `t`. A write acknowledged by a
 * leader is in its log; it goes missing when a follower without it is promoted (the old
 * leader's unreplicated writes) or when a leader cut off from the rest acknowledges writes
 * after another has been promoted.
 */
export function lostWrites(trace: Trace, first: NodeId, t: number): LostWrite[] {
  const leader = leaderAt(trace, first, t);
  const held = new Set(logAt(trace, leader, t));
  // By the replica that acknowledged it: another may roll it back while that one still holds it.
  const rolled = new Set<string>();
  for (const e of trace.events) {
    if (e.at > t) break;
    if (e.type === 'rollback') for (const op of e.ops) rolled.add(`${e.node}\u0000${op}`);
  }
  const out: LostWrite[] = [];
  for (const op of trace.ops) {
    if (op.kind !== 'write' || op.outcome !== 'ok' || op.completedAt === null || op.completedAt > t || held.has(op.id)) continue;
    out.push({ op, ackedBy: op.coordinator, leader, rolledBack: rolled.has(`${op.coordinator}\u0000${op.id}`) });
  }
  return out;
}
