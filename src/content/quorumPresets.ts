/**
 * The module's quorum tuning examples, as presets. What each buys is said in our words and
 * checked against W + R > N: the module's own table calls N=3, W=1, R=3 "eventual", but
 * with 1 + 3 > 3 every read overlaps every write.
 */
export interface QuorumPreset {
  readonly n: number;
  readonly w: number;
  readonly r: number;
  readonly summary: string;
}

export const QUORUM_PRESETS: readonly QuorumPreset[] = [
  { n: 3, w: 1, r: 3, summary: 'Fast writes, slow reads; every read overlaps every write, but one replica down stops reads.' },
  { n: 3, w: 3, r: 1, summary: 'Slow writes, fast reads; every read overlaps every write, but one replica down stops writes.' },
  { n: 3, w: 2, r: 2, summary: 'Balanced: reads overlap writes, and one replica can be down.' },
  { n: 3, w: 1, r: 1, summary: 'Fastest both ways; a read can miss the latest write.' },
  { n: 5, w: 3, r: 3, summary: 'Reads overlap writes, and two replicas can be down.' },
  { n: 5, w: 1, r: 5, summary: 'Fast writes; reads must reach all five, so one down stops reads.' },
  { n: 5, w: 5, r: 1, summary: 'Fast reads; writes must reach all five, so one down stops writes.' },
  { n: 5, w: 1, r: 1, summary: 'Stays up with four down; a read can easily miss the latest write.' },
];
