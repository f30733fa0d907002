import { createRng } from '../sim/rng.ts';

/**
 * One update spreading by push-pull gossip, in rounds: each round every replica picks
 * `fanout` peers at random and each pair syncs both ways, so after the round both hold
 * the update if either did. A cut link carries nothing until it heals. Pure and seeded:
 * the replication lab draws the spread round by round and sets the rounds it took beside
 * what theory expects.
 *
 * What theory expects, on a network where anyone can call anyone, with one call a round:
 * push alone needs about log2 N + ln N rounds to reach all N (Frieze and Grimmett; Pittel);
 * push-pull, as here with a fan-out of 1, log3 N + O(log log N) (Karp, Schindelhauer,
 * Shenker and Vöcking, 2000). Those are limits for large N. With a fan-out of 1, at 3 to
 * 64 replicas this model's mean happens to lie near log2 N (1.5 rounds for 3 replicas,
 * 3.3 for 9, 6.0 for 64; gossip.test.ts measures it): log3 N plus the log log N tail adds
 * up to about that at these sizes.
 * The lab shows the measured rounds beside both terms rather than one as "the" answer.
 */

export interface GossipSetup {
  readonly replicas: number;
  /** Peers each replica calls a round: 1 or more. */
  readonly fanout: number;
  /** Who holds the update at round 0. */
  readonly from: number;
  /** Links that carry nothing, each as a pair of replica indexes, until `healsAt` (a round; Infinity never heals). */
  readonly cuts?: readonly { readonly a: number; readonly b: number; readonly healsAt: number }[];
  readonly seed: number;
  /** Give up after this many rounds. */
  readonly maxRounds?: number;
}

export interface GossipSpread {
  /** How many replicas hold the update after each round, round 0 first. */
  readonly informed: readonly number[];
  /** The round in which the last replica got it, or null if some never did within maxRounds. */
  readonly rounds: number | null;
}

/** Push-pull's leading term for N replicas, log3 N: roughly a lower bound on the mean as N grows, drawn beside the measured rounds. */
export function expectedPushPullRounds(replicas: number): number {
  return Math.log(replicas) / Math.log(3);
}

/**
 * Spread one update.
 *
 * @example spread({ replicas: 5, fanout: 1, from: 0, seed: 1 }).informed.at(-1) // 5
 */
export function spread(setup: GossipSetup): GossipSpread {
  const { replicas: n, fanout, from, seed, cuts = [], maxRounds = 200 } = setup;
  if (!Number.isInteger(n) || n < 2 || n > 64) throw new RangeError(`replicas must be a whole number from 2 to 64, not ${n}`);
  if (!Number.isInteger(fanout) || fanout < 1 || fanout >= n) throw new RangeError(`fanout must be a whole number from 1 to ${n - 1}, not ${fanout}`);
  const rng = createRng(seed);
  const has = Array.from({ length: n }, (_, i) => i === from);
  const informed = [1];
  const cut = (a: number, b: number, round: number) => cuts.some((c) => ((c.a === a && c.b === b) || (c.a === b && c.b === a)) && round < c.healsAt);
  for (let round = 1; round <= maxRounds; round++) {
    // Calls are placed against the start of the round: what a replica learns this round it passes on next round.
    const before = [...has];
    for (let caller = 0; caller < n; caller++) {
      const peers = new Set<number>();
      while (peers.size < fanout) {
        const p = rng.int(n - 1);
        peers.add(p >= caller ? p + 1 : p);
      }
      for (const peer of peers) {
        if (cut(caller, peer, round)) continue;
        if (before[caller] || before[peer]) has[caller] = has[peer] = true;
      }
    }
    const count = has.filter(Boolean).length;
    informed.push(count);
    if (count === n) return { informed, rounds: round };
  }
  return { informed, rounds: null };
}
