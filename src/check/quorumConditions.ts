import { replicaIds, type NodeId } from '../sim/ids.ts';
import type { ClusterConfig } from '../sim/scenario.ts';
import type { OpRecord, StorageChange, TraceEvent } from '../sim/trace.ts';

/**
 * "With W + R > N a read sees the latest acknowledged write" holds only under conditions.
 * This lists the ones a run has broken by time t, so the lab can say so where it makes
 * the claim:
 *
 * - `weak-writes`: some write was acknowledged by fewer replicas than the rule now needs
 *   (W was lower when it was made, so its W and today's R need not overlap);
 * - `crash-loss`: a replica crashed and lost writes it had not yet saved to disk, so a
 *   write may now be on fewer than W replicas;
 * - `stand-ins`: with sloppy quorums, a stand-in outside the key's N replicas answered for
 *   one of them: a write's stand-in keeps it as a hint that reads never see, and a read's
 *   stand-in answers from data it does not keep for the key, so the overlap can be lost;
 * - `skewed-clocks`: under last write wins "latest" means the highest timestamp, and with
 *   clocks out of step that need not be the write made last (see lostWrites).
 */
export type BrokenCondition =
  | { readonly kind: 'weak-writes'; readonly count: number; readonly fewest: number; readonly quorumChangedAt: number | null }
  | { readonly kind: 'crash-loss'; readonly at: number; readonly node: NodeId }
  | { readonly kind: 'stand-ins'; readonly at: number }
  | { readonly kind: 'skewed-clocks'; readonly nodes: readonly NodeId[] };

export interface QuorumState {
  readonly n: number;
  /** W and R in force at t. */
  readonly w: number;
  readonly r: number;
  /** W + R > N now. */
  readonly overlap: boolean;
  readonly broken: readonly BrokenCondition[];
}

interface RunFacts {
  readonly cluster: ClusterConfig;
  readonly events: readonly TraceEvent[];
  readonly changes: readonly StorageChange[];
  readonly ops: readonly OpRecord[];
  /** The key's own N replicas (its preference list). */
  readonly holders: (key: string) => readonly NodeId[];
}

/** W and R in force at time t: the scenario's, or the last change at or before t. */
export function quorumAt(events: readonly TraceEvent[], cluster: Pick<ClusterConfig, 'w' | 'r'>, t: number): { w: number; r: number } {
  let q = { w: cluster.w, r: cluster.r };
  for (const e of events) {
    if (e.at > t) break;
    if (e.type === 'quorum') q = { w: e.w, r: e.r };
  }
  return q;
}

/**
 * The quorum rule at time t, and each of its conditions the run has broken by then.
 *
 * @example quorumState(run, 4200).broken // [{ kind: 'weak-writes', count: 1, fewest: 1, quorumChangedAt: 3000 }]
 */
export function quorumState(facts: RunFacts, t: number): QuorumState {
  const { cluster, events } = facts;
  const { w, r } = quorumAt(events, cluster, t);
  const n = cluster.n;
  const broken: BrokenCondition[] = [];
  const acked = facts.ops.filter((o) => o.kind === 'write' && o.outcome === 'ok' && o.completedAt !== null && o.completedAt <= t);
  // A write's quorum is the replicas that had acknowledged it when the client was answered.
  const weak = acked.filter((o) => o.quorum.length + r <= n);
  if (weak.length > 0) {
    let changedAt: number | null = null;
    for (const e of events) if (e.at <= t && e.type === 'quorum') changedAt = e.at;
    broken.push({ kind: 'weak-writes', count: weak.length, fewest: Math.min(...weak.map((o) => o.quorum.length)), quorumChangedAt: changedAt });
  }
  for (const e of events) {
    if (e.at > t) break;
    if (e.type === 'crash' && e.lostUndurable && facts.changes.some((c) => c.cause === 'crash-loss' && c.at === e.at && c.node === e.node)) {
      broken.push({ kind: 'crash-loss', at: e.at, node: e.node });
    }
  }
  let standIn: number | null = null;
  for (const o of facts.ops) {
    if (o.outcome !== 'ok' || o.completedAt === null || o.completedAt > t || (standIn !== null && o.completedAt >= standIn)) continue;
    const home = facts.holders(o.key);
    if (o.quorum.some((node) => !home.includes(node))) standIn = o.completedAt;
  }
  if (standIn !== null) broken.push({ kind: 'stand-ins', at: standIn });
  if (cluster.strategy === 'lww' || cluster.strategy === 'cart-lww') {
    const skew = new Map<NodeId, number>(replicaIds(cluster.replicas).map((id) => [id, 0]));
    for (const e of events) if (e.at <= t && e.type === 'skew') skew.set(e.node, e.ms);
    if (new Set(skew.values()).size > 1) broken.push({ kind: 'skewed-clocks', nodes: [...skew].filter(([, ms]) => ms !== 0).map(([node]) => node) });
  }
  return { n, w, r, overlap: w + r > n, broken };
}
