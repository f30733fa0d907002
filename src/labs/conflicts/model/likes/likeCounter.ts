import { sample, type Distribution } from '../../../../sim/distributions.ts';
import { nodeId } from '../../../../sim/ids.ts';
import { createRng } from '../../../../sim/rng.ts';
import { makeScenario, type Action, type Scenario } from '../../../../sim/scenario.ts';
import { Simulation } from '../../../../sim/simulation.ts';
import { Timeline } from '../../../../sim/timeline.ts';
import { gCounterTotal, sameGCounter, type GCounterState } from '../../../../sim/values/crdt/gCounter.ts';
// Loading these makes the two designs' strategies known to the simulator.
import '../../../../sim/values/crdt/index.ts';
import type { LwwState } from '../../../../sim/values/lww.ts';
import { lwwCounter, lwwTotal } from '../../../../sim/values/lwwCounter.ts';
import { LIKES_DURATION_MS, SERVERS, type LikeConfig, type Server } from './likeSettings.ts';

/**
 * The like-counter exercise, run on the simulator: three replicas A, B and C, each
 * with its own users (a client "users-a" talks to A, and so on), one key, and every like
 * a write of "+1" through the user's own server. N = 3, W = 1, R = 1: a server takes a
 * like on its own and sends the new state to the other two at once, and every second
 * each server also syncs with one other, chosen at random (anti-entropy). The chosen
 * server and its users are cut off from the rest for a while: messages across the cut
 * are lost, including those on their way when it starts.
 *
 * The same likes go to two runs that differ only in how the key is kept:
 * - `g-counter`: a G-Counter, one entry per server, merged by taking each entry's
 *   maximum; the count is the sum.
 * - `lww-counter`: one last-write-wins total; a like reads the server's own copy, adds
 *   one and writes the total stamped with the server's clock.
 *
 * Each design sends its own messages, so the two runs' delays are drawn separately; the
 * likes, the cut and the network's settings are the same.
 */
export { DEFAULT_LIKE_CONFIG, LIKES_DURATION_MS, SERVERS, type LikeConfig, type Server } from './likeSettings.ts';

export const LIKE_DESIGNS = ['g-counter', 'lww-counter'] as const;
export type LikeDesign = (typeof LIKE_DESIGNS)[number];

export const LIKE_KEY = 'likes';
/**
 * The run is shown at least to here, two seconds after the last like, and on, a second at
 * a time, until every server holds the same state of both designs: each server syncs with
 * a partner chosen at random, so after a cut heals they usually agree within a second or
 * two, but nothing guarantees when. MAX_END_MS bounds the wait.
 */
export const LIKES_END_MS = 12_000;
export const MAX_END_MS = 60_000;
export const GOSSIP_INTERVAL_MS = 1_000;
/** How long one message takes, in ms: drawn evenly between these. */
export const DELAY_MIN_MS = 20;
export const DELAY_MAX_MS = 120;

export interface Like {
  readonly at: number;
  readonly server: Server;
}

/** The client standing for a server's users: "users-a". */
export function usersOf(server: Server): string {
  return `users-${server.toLowerCase()}`;
}

/**
 * A seeded stream of likes over the first 10 s: gaps drawn from an exponential
 * distribution (a Poisson stream at `rate` per second), each at a server picked at
 * random. Times are on the script's 0.1 ms grid.
 *
 * @example generateLikes(1, 3).length // about 30, the same every time for seed 1
 */
export function generateLikes(seed: number, rate: number, duration = LIKES_DURATION_MS): Like[] {
  if (!(rate > 0) || !Number.isFinite(rate)) return [];
  const rng = createRng(seed);
  const gap: Distribution = { kind: 'exponential', rate: rate / 1000 };
  const likes: Like[] = [];
  for (let t = sample(gap, rng); t < duration; t += sample(gap, rng)) likes.push({ at: Math.round(t * 10) / 10, server: SERVERS[rng.int(SERVERS.length)]! });
  return likes;
}

/** The scenario for one design: the likes as writes, and the cut as a partition healed later. */
export function likeScenario(config: LikeConfig, design: LikeDesign, likes: readonly Like[] = generateLikes(config.seed, config.rate)): Scenario {
  const writes: Action[] = likes.map((l) => ({ at: l.at, type: 'write', client: usersOf(l.server), coordinator: l.server, key: LIKE_KEY, value: '+1', blind: true }));
  const cut: Action[] = [];
  if (config.cut !== null) {
    const alone = [config.cut, usersOf(config.cut)];
    const rest = SERVERS.filter((s) => s !== config.cut).flatMap((s) => [s, usersOf(s)]);
    cut.push({ at: config.cutStart, type: 'partition', groups: [alone, rest] }, { at: config.cutEnd, type: 'heal-all' });
  }
  return makeScenario({
    // Network delays come from the run's own seed, apart from the likes' stream.
    seed: (config.seed ^ 0x9e3779b9) >>> 0,
    cluster: {
      replicas: SERVERS.length,
      clients: SERVERS.map(usersOf),
      n: 3,
      w: 1,
      r: 1,
      strategy: design,
      timeoutMs: 1000,
      readRepair: false,
      sloppyQuorum: false,
      antiEntropyMs: GOSSIP_INTERVAL_MS,
      durabilityMs: 0,
      skew: {},
    },
    network: { latency: { kind: 'uniform', min: DELAY_MIN_MS, max: DELAY_MAX_MS }, loss: 0, links: [] },
    // The script is in time order, as every scenario's is.
    script: [...writes, ...cut].sort((a, b) => a.at - b.at),
  });
}

export interface LikeRuns {
  readonly config: LikeConfig;
  readonly likes: readonly Like[];
  readonly runs: Readonly<Record<LikeDesign, Simulation>>;
  /** Each run's index for scrubbing (sim/timeline.ts): a server's state at any time. */
  readonly timelines: Readonly<Record<LikeDesign, Timeline>>;
  /** Where the run is shown to: LIKES_END_MS, or the first whole second after it at which every server agrees (at most MAX_END_MS). */
  readonly end: number;
}

/** A server's state of the key at time t in one run (null before it held any). */
function stateAt(timeline: Timeline, server: Server, t: number): unknown {
  return timeline.stateAt(nodeId(server), LIKE_KEY, t) ?? null;
}

/** Whether every server holds the same state of the key in this run, at time t. */
function agreeAt(sim: Simulation, timeline: Timeline, t: number): boolean {
  const [first, ...rest] = SERVERS.map((s) => stateAt(timeline, s, t));
  return rest.every((state) => sim.strategy.equals(state ?? sim.strategy.empty(), first ?? sim.strategy.empty()));
}

/** Both designs on the same likes, each simulated until every server agrees on both (see LIKES_END_MS). */
export function runLikes(config: LikeConfig, likes: readonly Like[] = generateLikes(config.seed, config.rate)): LikeRuns {
  const runs = { 'g-counter': new Simulation(likeScenario(config, 'g-counter', likes)), 'lww-counter': new Simulation(likeScenario(config, 'lww-counter', likes)) };
  const timelines = { 'g-counter': new Timeline(runs['g-counter'].trace), 'lww-counter': new Timeline(runs['lww-counter'].trace) };
  let end = LIKES_END_MS;
  for (;;) {
    for (const d of LIKE_DESIGNS) {
      runs[d].runUntil(end);
      timelines[d].refresh();
    }
    if (end >= MAX_END_MS || LIKE_DESIGNS.every((d) => agreeAt(runs[d], timelines[d], end))) break;
    end += 1000;
  }
  return { config, likes, runs, timelines, end };
}

/** Every server's two counters at one moment. */
export interface LikeFrame {
  readonly t: number;
  readonly gc: readonly GCounterState[];
  readonly naive: readonly LwwState[];
  /** Likes made so far (a like is made when its user sends it), in all and per server. */
  readonly likes: number;
  readonly likesAt: readonly number[];
  /** Messages between servers lost to the cut so far, in the G-Counter's run and the naive counter's. */
  readonly lostMessages: Readonly<Record<LikeDesign, number>>;
}

function lostToCut(sim: Simulation, t: number): number {
  const servers = new Set<string>(SERVERS);
  const log = sim.trace.messages;
  let lost = 0;
  for (let i = 0; i < log.length; i++) if (log.fate(i) === 'cut' && log.endAt(i) <= t && servers.has(log.from(i)) && servers.has(log.to(i))) lost++;
  return lost;
}

/** The servers' counters at virtual time t. */
export function likeFrameAt(runs: LikeRuns, t: number): LikeFrame {
  const made = runs.likes.filter((l) => l.at <= t);
  return {
    t,
    gc: SERVERS.map((s) => (stateAt(runs.timelines['g-counter'], s, t) as GCounterState | null) ?? {}),
    naive: SERVERS.map((s) => stateAt(runs.timelines['lww-counter'], s, t) as LwwState),
    likes: made.length,
    likesAt: SERVERS.map((s) => made.filter((l) => l.server === s).length),
    lostMessages: { 'g-counter': lostToCut(runs.runs['g-counter'], t), 'lww-counter': lostToCut(runs.runs['lww-counter'], t) },
  };
}

export interface LikeOutcome {
  readonly likes: number;
  /** What each server's G-Counter reads at the end, A, B, C (they agree when `converged`). */
  readonly gCounters: readonly number[];
  /** What each server's naive counter reads at the end. */
  readonly naives: readonly number[];
  /** What server A's G-Counter and naive counter read at the end: every server's, when `converged`. */
  readonly gCounter: number;
  readonly naive: number;
  /** Likes the naive counter lost: made, but not in its final total. */
  readonly lost: number;
  /** Whether every server holds the same state of each design at the end. */
  readonly converged: boolean;
  /** Likes whose write failed (none should: W = 1 and every server takes its own users' likes). */
  readonly failed: number;
}

export function likeOutcome(runs: LikeRuns): LikeOutcome {
  const last = likeFrameAt(runs, runs.end);
  const converged = last.gc.every((s) => sameGCounter(s, last.gc[0]!)) && last.naive.every((s) => lwwCounter.equals(s, last.naive[0]!));
  const naive = lwwTotal(last.naive[0]!);
  const failed = LIKE_DESIGNS.reduce((n, d) => n + runs.runs[d].trace.ops.filter((o) => o.outcome !== 'ok').length, 0);
  const gCounters = last.gc.map(gCounterTotal);
  return { likes: runs.likes.length, gCounters, naives: last.naive.map(lwwTotal), gCounter: gCounters[0]!, naive, lost: runs.likes.length - naive, converged, failed };
}
