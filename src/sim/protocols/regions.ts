import type { NodeId } from '../ids.ts';

/**
 * Multi-leader replication's two regions: the first half of the ring and the rest (with
 * three replicas, A alone, then B and C). Each region's first replica is its leader. The
 * clients' side routes by it, through the installed protocol (leaderHooks.ts).
 */
export function regions(ring: readonly NodeId[]): NodeId[][] {
  const half = Math.floor(ring.length / 2);
  return [ring.slice(0, half), ring.slice(half)];
}

/** The leader a client's requests go to: c1 the first region's, c2 the second's, c3 the first's… */
export function homeLeader(ring: readonly NodeId[], clientIndex: number): NodeId {
  const rs = regions(ring);
  return rs[clientIndex % rs.length]![0]!;
}
