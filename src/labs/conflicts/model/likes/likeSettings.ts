/**
 * What a learner sets up in the like-counter exercise, apart from the simulation
 * (likeCounter.ts, which re-exports them), so the address's declarations
 * (panelParams.ts) do not bring the simulation with them.
 */
export const SERVERS = ['A', 'B', 'C'] as const;
export type Server = (typeof SERVERS)[number];

export interface LikeConfig {
  readonly seed: number;
  /** Likes per second, across all servers. */
  readonly rate: number;
  /** The server cut off from the others, or null for none. */
  readonly cut: Server | null;
  /** When the cut starts and ends, in ms of virtual time. */
  readonly cutStart: number;
  readonly cutEnd: number;
}

/** Likes arrive during the first 10 s. */
export const LIKES_DURATION_MS = 10_000;
/** The rates a learner can choose, in likes per second across all servers. */
export const LIKE_RATES: readonly number[] = [1, 2, 3, 5, 10];
export const DEFAULT_LIKE_CONFIG: LikeConfig = { seed: 1, rate: 3, cut: 'C', cutStart: 2_000, cutEnd: 7_000 };
