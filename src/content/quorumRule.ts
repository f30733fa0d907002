/*
 * The rule W + R > N in one sentence each way, and the caption of the rings that show it:
 * the words a lab's first screen needs. Their conditions, and the conditions a run breaks,
 * are in quorumClaims.ts, which loads just after.
 */

/** The rule, in words, when W + R > N. */
export const OVERLAP_HOLDS =
  'Every R replicas of a key share at least one with every W, so a read that starts after a write was acknowledged reaches a replica that has it, or a newer write.';

/** The rule, in words, when W + R ≤ N. */
export const OVERLAP_FAILS = 'A read’s R replicas can all miss the W that acknowledged the latest write, so a read can return an older value.';

/** The caption under the quorum rings, naming the one key they are drawn for. */
export function ringCaption(key: string | null): string {
  const legend = 'Dashed rings: the replicas that acknowledged the write (W). Solid rings: those that answered the read (R). W∩R marks a replica in both.';
  return key === null
    ? `Rings appear once a write or a read has succeeded. ${legend}`
    : `Rings for key ${key}: its last successful write and its last successful read. ${legend}`;
}
