import { replicaIds, type NodeId } from '../sim/ids.ts';
import type { ClusterConfig } from '../sim/scenario.ts';
import { countBefore } from '../sim/timeline.ts';
import type { ChangeLog } from '../sim/changeLog.ts';
import type { OpRecord, TraceEvent } from '../sim/trace.ts';

/**
 * "With W + R > N a read sees the latest acknowledged write" holds only under conditions.
 * This lists the ones a run has broken by time t, so the lab can say so where it makes
 * the claim:
 *
 * - `weak-writes`: some write was acknowledged by fewer of the key's replicas than the
 *   rule now needs (W was lower when it was made, so it and today's R need not overlap);
 * - `weak-reads`: some read was answered by too few of the key's replicas to overlap a
 *   write acknowledged before it began, although that write meets today's rule (R was
 *   lower when the read was answered). Together with `weak-writes` this covers every pair
 *   of a write and a later read that need not share a replica;
 * - `crash-loss`: a replica crashed and lost writes it had not yet saved to disk, so a
 *   write may now be on fewer than W replicas;
 * - `stand-ins`: with sloppy quorums, a stand-in outside the key's N replicas answered for
 *   one of them: a write's stand-in keeps it as a hint that reads never see, and a read's
 *   stand-in answers from data it does not keep for the key, so the overlap can be lost;
 * - `skewed-clocks`: under last write wins "latest" means the highest timestamp, and with
 *   clocks out of step that need not be the write made last (see lostWrites).
 */
export type BrokenCondition =
  | { readonly kind: 'weak-writes'; readonly count: number; readonly fewest: number; readonly wChangedAt: number | null }
  | { readonly kind: 'weak-reads'; readonly count: number; readonly fewest: number; readonly rChangedAt: number | null }
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
  readonly changes: ChangeLog;
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
 * @example quorumState(run, 4200).broken // [{ kind: 'weak-writes', count: 1, fewest: 1, wChangedAt: 3000 }]
 */
/** Each completed operation's count of the key's own replicas in its quorum (see quorumState). */
const homeCounts = new WeakMap<OpRecord, number>();

export function quorumState(facts: RunFacts, t: number): QuorumState {
  const { cluster, events } = facts;
  const { w, r } = quorumAt(events, cluster, t);
  const n = cluster.n;
  const broken: BrokenCondition[] = [];
  const done = facts.ops.filter((o) => o.outcome === 'ok' && o.completedAt !== null && o.completedAt <= t);
  // How many of the key's own replicas answered: a stand-in is not one (see stand-ins).
  // Final once an operation has completed, so counted once per operation.
  const home = (o: OpRecord) => {
    let count = homeCounts.get(o);
    if (count === undefined) {
      const holders = facts.holders(o.key);
      homeCounts.set(o, (count = o.quorum.filter((node) => holders.includes(node)).length));
    }
    return count;
  };
  const writes = done.filter((o) => o.kind === 'write');
  const weakWrites = writes.filter((o) => home(o) + r <= n);
  if (weakWrites.length > 0) broken.push({ kind: 'weak-writes', count: weakWrites.length, fewest: Math.min(...weakWrites.map(home)), wChangedAt: lastChange(events, t, 'w', cluster.w) });
  // A read that could miss one of the other writes: the read's side is what fell short.
  const weakReads = readsTooSmall(done, writes.filter((o) => home(o) + r > n), home, n);
  if (weakReads.length > 0) broken.push({ kind: 'weak-reads', count: weakReads.length, fewest: Math.min(...weakReads.map(home)), rChangedAt: lastChange(events, t, 'r', cluster.r) });
  for (const e of events) {
    if (e.at > t) break;
    if (e.type === 'crash' && e.lostUndurable && lostAtCrash(facts.changes, e.node, e.at)) {
      broken.push({ kind: 'crash-loss', at: e.at, node: e.node });
    }
  }
  let standIn: number | null = null;
  for (const o of done) if (home(o) < o.quorum.length && (standIn === null || o.completedAt! < standIn)) standIn = o.completedAt;
  if (standIn !== null) broken.push({ kind: 'stand-ins', at: standIn });
  if (cluster.strategy === 'lww' || cluster.strategy === 'cart-lww') {
    const nodes = clocksEverApart(events, cluster.replicas, t);
    if (nodes.length > 0) broken.push({ kind: 'skewed-clocks', nodes });
  }
  return { n, w, r, overlap: w + r > n, broken };
}

/**
 * Reads that could have missed a write acknowledged before they began: the key's replicas
 * that answered the read and those that acknowledged some such write are too few to
 * share one (fewer than N + 1 together).
 */
function readsTooSmall(done: readonly OpRecord[], writes: readonly OpRecord[], home: (o: OpRecord) => number, n: number): OpRecord[] {
  // Per key, writes by completion, with the smallest home quorum so far.
  const byKey = new Map<string, { at: number[]; fewest: number[] }>();
  for (const w of [...writes].sort((a, b) => a.completedAt! - b.completedAt!)) {
    let k = byKey.get(w.key);
    if (!k) byKey.set(w.key, (k = { at: [], fewest: [] }));
    k.at.push(w.completedAt!);
    k.fewest.push(Math.min(home(w), k.fewest[k.fewest.length - 1] ?? Infinity));
  }
  return done.filter((o) => {
    if (o.kind !== 'read') return false;
    const k = byKey.get(o.key);
    if (!k) return false;
    // The writes acknowledged strictly before the read began.
    const before = countBefore(k.at, o.invokedAt);
    return before > 0 && home(o) + k.fewest[before - 1]! <= n;
  });
}

/** When W (or R) last changed value at or before t, or null if it never did. */
function lastChange(events: readonly TraceEvent[], t: number, which: 'w' | 'r', initial: number): number | null {
  let at: number | null = null;
  let value = initial;
  for (const e of events) {
    if (e.at > t) break;
    if (e.type !== 'quorum') continue;
    if (e[which] !== value) at = e.at;
    value = e[which];
  }
  return at;
}

/** Replicas whose clock was ever off while the others' differed, up to t (a reset clock still stamped writes while it was off). */
function clocksEverApart(events: readonly TraceEvent[], replicas: number, t: number): NodeId[] {
  const skew = new Map<NodeId, number>(replicaIds(replicas).map((id) => [id, 0]));
  const off = new Set<NodeId>();
  const check = () => {
    if (new Set(skew.values()).size > 1) for (const [node, ms] of skew) if (ms !== 0) off.add(node);
  };
  for (const e of events) {
    if (e.at > t) break;
    if (e.type !== 'skew') continue;
    skew.set(e.node, e.ms);
    check();
  }
  return [...off].sort();
}

/** Whether a crash of `node` at `at` lost anything: a crash-loss change then (changes are in time order). */
function lostAtCrash(changes: ChangeLog, node: NodeId, at: number): boolean {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes.changedAt(mid) < at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < changes.length && changes.changedAt(i) === at; i++) if (changes.cause(i) === 'crash-loss' && changes.node(i) === node) return true;
  return false;
}
