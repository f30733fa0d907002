import type { BrokenCondition, QuorumState } from '../check/quorumConditions.ts';
import { OVERLAP_FAILS, OVERLAP_HOLDS } from './quorumRule.ts';

/*
 * What the lab claims about W + R > N, in one place so a reviewer can read the claims
 * together: each claim names its conditions, and the words for each condition a run
 * breaks. (lostWriteWords.ts and replicationWords.ts hold the rest.) Source for "overlap
 * is not linearizability": Kleppmann, Designing Data-Intensive Applications, ch. 9,
 * "Linearizability and quorums", citing Attiya, Bar-Noy and Dolev (ABD, JACM 1995).
 */

function s(n: number, one = '', many = 's'): string {
  return n === 1 ? one : many;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

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
