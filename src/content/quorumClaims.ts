import type { BrokenCondition, QuorumState } from '../check/quorumConditions.ts';
import type { LostWrite } from '../check/lostWrites.ts';
import { skewAt } from '../check/cartLedger.ts';
import type { OpRecord, TraceEvent } from '../sim/trace.ts';

/*
 * What the lab claims about quorums, sloppy quorums, coordinators and lost writes, in one
 * place so a reviewer can read every claim together. Each claim names its conditions;
 * where the lab simplifies, it says "in this lab" and what real stores do.
 *
 * Sources for what real stores do (looked up, not recalled): the Dynamo paper (DeCandia et
 * al., SOSP 2007, §4.5–4.6); Riak KV 2.2 docs ("Replication properties": PR and PW default
 * to 0, so fallback vnodes count; "Clusters": any node may coordinate) and riak_kv's put
 * FSM, which forwards a write to a node of the key's preference list; Apache Cassandra's
 * docs on hints ("not used to satisfy the write consistency level unless the consistency
 * level is ANY") and on client requests (any node may coordinate); Kleppmann, Designing
 * Data-Intensive Applications, ch. 9, "Linearizability and quorums", citing Attiya,
 * Bar-Noy and Dolev (ABD, JACM 1995).
 */

function s(n: number, one = '', many = 's'): string {
  return n === 1 ? one : many;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The rule, in words, when W + R > N. */
export const OVERLAP_HOLDS =
  'Every R replicas of a key share at least one with every W, so a read that starts after a write was acknowledged reaches a replica that has it, or a newer write.';

/** The rule, in words, when W + R ≤ N. */
export const OVERLAP_FAILS = 'A read’s R replicas can all miss the W that acknowledged the latest write, so a read can return an older value.';

/** The conditions OVERLAP_HOLDS rests on, named wherever it is claimed. */
export const OVERLAP_CONDITIONS =
  'That holds for writes acknowledged by at least W of the key’s own replicas (no sloppy quorum, W not lower when the write was made) while no replica loses a write it acknowledged; under last write wins, “newer” means a higher timestamp.';

/** The PBS closed form's "never", with what it assumes. */
export const PBS_NEVER_CONDITIONS =
  'That counts writes acknowledged by W of the key’s own replicas, none of which later loses it; a W lowered after earlier writes, a crash that loses writes not yet on disk, or a stand-in under a sloppy quorum each lets a read miss.';

/** Overlap is not linearizability: said wherever overlap is claimed. */
export const NOT_LINEARIZABLE =
  'Overlap alone is not linearizability. While a write is still spreading, one read can return the new value and a read that starts after it the old one: nothing makes the first read’s answer stick before it replies. The ABD algorithm fixes that by having a read write its answer back to a quorum first.';

/** One broken condition, as a sentence. */
export function brokenConditionWords(b: BrokenCondition, q: Pick<QuorumState, 'r'>): string {
  switch (b.kind) {
    case 'weak-writes': {
      const when = b.quorumChangedAt !== null ? `W changed at ${seconds(b.quorumChangedAt)}: ` : '';
      return `${when}${b.count} acknowledged write${s(b.count)} ${b.count === 1 ? 'is' : 'are'} on as few as ${b.fewest} replica${s(b.fewest)}, and a read of R = ${q.r} can miss ${b.count === 1 ? 'it' : 'them'}.`;
    }
    case 'crash-loss':
      return `${b.node} crashed at ${seconds(b.at)} and lost writes it had not yet saved to disk: a write it acknowledged may now be on fewer than W replicas.`;
    case 'stand-ins':
      return `Sloppy quorums: since ${seconds(b.at)} a stand-in outside the key’s N replicas has answered for one of them. A stand-in keeps a write as a hint that reads never see, and answers a read from data it does not keep for the key, so the two quorums need not share a replica that has the write.`;
    case 'skewed-clocks':
      return `Clocks are out of step (${b.nodes.join(', ')}): last write wins returns the highest timestamp, which need not be the write made last (see lost writes).`;
  }
}

/** The whole claim for one moment: the rule, its conditions, and what the run has broken. */
export function quorumClaim(q: QuorumState, sloppyOn: boolean): { rule: string; conditions: string | null; broken: string[] } {
  const broken = q.broken.map((b) => brokenConditionWords(b, q));
  if (!q.overlap) return { rule: OVERLAP_FAILS, conditions: null, broken: [] };
  const sloppy = sloppyOn && !q.broken.some((b) => b.kind === 'stand-ins') ? ' Sloppy quorums are on: a stand-in can make up either quorum, and then a read can miss.' : '';
  return { rule: OVERLAP_HOLDS, conditions: OVERLAP_CONDITIONS + sloppy, broken };
}

/** Sloppy quorums as this lab does them, and how Dynamo, Riak and Cassandra differ. */
export const SLOPPY_IN_THIS_LAB =
  'In this lab, a sloppy quorum works like this: when one of the key’s replicas has not answered within half the timeout, the coordinator asks a stand-in (the next replica round the ring). The stand-in keeps the write as a hint, its acknowledgement counts towards W, and it hands the write back when it can (a “hint” badge in the picture); reads never see hints.';

export const SLOPPY_ELSEWHERE =
  'Real stores differ. Dynamo sends reads and writes to the first N healthy nodes of the preference list, so a stand-in is used from the start and answers reads too. Riak does the same with fallback vnodes unless PR or PW require primaries (both default to 0). Cassandra has no stand-ins: the coordinator keeps hints itself, and they count towards the consistency level only at ANY.';

export const READ_REPAIR_WORDS = 'Read repair: after answering a read, the coordinator sends the newer value to replicas that answered with an older one (“repair” messages).';

/** Who coordinates a request: what this lab does, and what real stores do. */
export const COORDINATOR_WORDS =
  'In this lab the replica you send to coordinates the request itself, even for a key it does not hold: it sends it to the key’s N replicas and answers after W acknowledgements (writes) or R replies (reads). Dynamo forwards such a request to one of the key’s replicas, which coordinates it; Riak does that for writes; Cassandra lets any node coordinate.';

/** The clock offset of the replica that stamped a write, when it was made. */
function stampSkew(events: readonly TraceEvent[], op: OpRecord): number {
  const node = (op.version as { node?: string } | null)?.node ?? op.coordinator;
  return skewAt(events, node, op.invokedAt);
}

/** Why an acknowledged write counts as lost, in one sentence. */
export function lostWriteWords(lost: LostWrite, events: readonly TraceEvent[]): string {
  const skewOf = (op: OpRecord) => stampSkew(events, op);
  const w = lost.write;
  const what = `${w.key} = ${w.value}`;
  if (lost.cause === 'vanished') {
    return `${what}, written through ${w.coordinator} and acknowledged at ${seconds(w.completedAt!)}, is lost: no replica holds it any more (a crash took it before it reached disk), and no message or hint carries it.`;
  }
  const by = lost.by!;
  const fast = skewOf(by) - skewOf(w);
  const why =
    fast > 0
      ? `${by.coordinator}’s clock ran ${fast / 1000} s ahead of ${w.coordinator}’s when it stamped`
      : fast < 0
        ? `${w.coordinator}’s clock ran ${-fast / 1000} s behind ${by.coordinator}’s when it stamped`
        : 'its replica’s clock read later when it stamped it';
  return `${what}, acknowledged at ${seconds(w.completedAt!)}, is lost: ${by.key} = ${by.value}, acknowledged earlier (${seconds(by.completedAt!)}), carries the later timestamp because ${why}, so last write wins keeps it everywhere.`;
}

/** The caption under the quorum rings, naming the one key they are drawn for. */
export function ringCaption(key: string | null): string {
  const legend = 'Dashed rings: the replicas that acknowledged the write (W). Solid rings: those that answered the read (R). W∩R marks a replica in both.';
  return key === null
    ? `Rings appear once a write or a read has succeeded. ${legend}`
    : `Rings for key ${key}: its last successful write and its last successful read. ${legend}`;
}
