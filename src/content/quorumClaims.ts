import type { BrokenCondition, QuorumState } from '../check/quorumConditions.ts';

/*
 * What the lab claims about W + R > N, in one place so a reviewer can read the claims
 * together: the rule, the conditions it rests on, and the words for each condition a run
 * breaks. The quorum lab loads these just after its first screen, which shows the
 * inequality in numbers. (lostWriteWords.ts and replicationWords.ts hold the rest.) Source for "overlap
 * is not linearizability": Kleppmann, Designing Data-Intensive Applications, ch. 9,
 * "Linearizability and quorums", citing Attiya, Bar-Noy and Dolev (ABD, JACM 1995).
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
  'That holds while every write was acknowledged, and every read answered, by enough of the key’s own replicas to overlap (no stand-ins from a sloppy quorum, and W and R not lower when earlier writes and reads were made), and no replica loses a write it acknowledged. Under last write wins, “newer” means a higher timestamp.';

/** The PBS closed form's "never", with what it assumes. */
export const PBS_NEVER_CONDITIONS =
  'That counts writes acknowledged by W of the key’s own replicas and reads answered by R of them, none of which later loses a write. Writes or reads made while W or R was lower than now, a crash that loses writes not yet on disk, or a stand-in under a sloppy quorum each lets a read miss.';

/** Overlap is not linearizability: said wherever overlap is claimed. */
export const NOT_LINEARIZABLE =
  'Overlap alone is not linearizability. While a write is still spreading, one read can return the new value and a read that starts after it the old one: nothing makes the first read’s answer stick before it replies. The ABD algorithm fixes that: a read writes its answer back to a quorum before replying, and a write first reads a quorum to pick a higher version number. Last write wins takes its order from clocks instead, so with clocks out of step even a write-back does not make it linearizable.';

function was(n: number): string {
  return n === 1 ? 'was' : 'were';
}

/** One broken condition, as a sentence. */
export function brokenConditionWords(b: BrokenCondition, q: Pick<QuorumState, 'r'>): string {
  switch (b.kind) {
    case 'weak-writes': {
      const when = b.wChangedAt !== null ? `W changed at ${seconds(b.wChangedAt)}. ` : '';
      return `${when}${b.count} write${s(b.count)} ${was(b.count)} acknowledged by only ${b.fewest} of the key’s replicas: a read of R = ${q.r} can miss ${b.count === 1 ? 'it' : 'them'}.`;
    }
    case 'weak-reads': {
      const when = b.rChangedAt !== null ? `R changed at ${seconds(b.rChangedAt)}. ` : '';
      return `${when}${b.count} read${s(b.count)} ${was(b.count)} answered by only ${b.fewest} of the key’s replicas, too few to be sure of reaching one that had an earlier write.`;
    }
    case 'crash-loss':
      return `${b.node} crashed at ${seconds(b.at)} and lost writes it had not yet saved to disk: a write it acknowledged may now be on fewer than W replicas.`;
    case 'stand-ins':
      return `Sloppy quorums: since ${seconds(b.at)} a stand-in outside the key’s N replicas has answered for one of them. A stand-in keeps a write as a hint that reads never see, and answers a read from data it does not keep for the key, so the two quorums need not share a replica that has the write.`;
    case 'skewed-clocks':
      return `Clocks have been out of step (${b.nodes.join(', ')}): last write wins returns the highest timestamp, which need not be the write made last (see lost writes).`;
  }
}

/** The whole claim for one moment: the rule, its conditions, and what the run has broken. */
export function quorumClaim(q: QuorumState, sloppyOn: boolean): { rule: string; conditions: string | null; broken: string[] } {
  const broken = q.broken.map((b) => brokenConditionWords(b, q));
  if (!q.overlap) return { rule: OVERLAP_FAILS, conditions: null, broken: [] };
  const sloppy = sloppyOn && !q.broken.some((b) => b.kind === 'stand-ins') ? ' Sloppy quorums are on: a stand-in can make up either quorum, and then a read can miss.' : '';
  return { rule: OVERLAP_HOLDS, conditions: OVERLAP_CONDITIONS + sloppy, broken };
}

/** The caption under the quorum rings, naming the one key they are drawn for. */
export function ringCaption(key: string | null): string {
  const legend = 'Dashed rings: the replicas that acknowledged the write (W). Solid rings: those that answered the read (R). W∩R marks a replica in both; “stand-in” marks one outside the key’s N, which holds at most a hint.';
  return key === null
    ? `Rings appear once a write or a read has succeeded. ${legend}`
    : `Rings for key ${key}: its last successful write and its last successful read. ${legend}`;
}
