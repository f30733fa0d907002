import { sample, type Distribution } from '../../../sim/distributions.ts';
import { nodeId, type OpId } from '../../../sim/ids.ts';
import { EventQueue } from '../../../sim/queue.ts';
import { createRng } from '../../../sim/rng.ts';
import { bump, gCounterTotal, sameGCounter, mergeGCounters, type GCounterState } from '../../../sim/values/crdt/gCounter.ts';
import { lww, type LwwState } from '../../../sim/values/lww.ts';
import { LIKES_DURATION_MS, SERVERS, type LikeConfig, type Server } from './likeSettings.ts';

/**
 * The like-counter exercise as a pure, seeded simulation. Likes arrive at three servers;
 * each server keeps two counters side by side, fed the same likes over the same network:
 *
 * - a G-Counter: one entry per server, each server bumps its own, merge takes the
 *   maximum per entry, the count is the sum;
 * - a naive counter: one last-write-wins value. A like reads the server's own copy, adds
 *   one and writes the total stamped with the server's clock; a server receiving a copy
 *   keeps whichever has the higher stamp.
 *
 * After each like a server sends both states to the other two, and every second every
 * server sends them again (anti-entropy). The chosen server is cut off from the others for
 * a while: messages to or from it are lost if sent or due while the cut lasts. It still
 * takes likes from its own users. Likes stop at 10 s; by 12 s every server has heard from
 * every other, so both designs have converged.
 */
export { DEFAULT_LIKE_CONFIG, LIKES_DURATION_MS, SERVERS, type LikeConfig, type Server } from './likeSettings.ts';

export interface Like {
  readonly id: number;
  readonly at: number;
  readonly server: Server;
}

/** One naive read-increment-write: the total it wrote and the write whose total it read. */
export interface NaiveWrite {
  readonly id: number;
  readonly server: Server;
  readonly at: number;
  readonly value: number;
  /** The write this one's total was built on (null: it read nothing, 0). */
  readonly parent: number | null;
}

/** Every server's two counters at one moment. */
export interface LikeFrame {
  readonly t: number;
  readonly gc: readonly GCounterState[];
  readonly naive: readonly LwwState[];
  /** Likes issued so far, in all and per server. */
  readonly likes: number;
  readonly likesAt: readonly number[];
  /** Messages lost to the cut so far. */
  readonly lostMessages: number;
}

export interface LikeRun {
  readonly config: LikeConfig;
  readonly likes: readonly Like[];
  readonly writes: readonly NaiveWrite[];
  readonly frames: readonly LikeFrame[];
}

export const LIKES_END_MS = 12_000;
export const GOSSIP_INTERVAL_MS = 1_000;
/** How long one message between servers takes, in ms: drawn evenly between these. */
export const DELAY_MIN_MS = 20;
export const DELAY_MAX_MS = 120;
export const REPLICATION_DELAY: Distribution = { kind: 'uniform', min: DELAY_MIN_MS, max: DELAY_MAX_MS };

/**
 * A seeded stream of likes over the first 10 s: gaps drawn from an exponential
 * distribution (a Poisson stream at `rate` per second), each at a server picked at random.
 *
 * @example generateLikes(1, 3).length // about 30, the same every time for seed 1
 */
export function generateLikes(seed: number, rate: number, duration = LIKES_DURATION_MS): Like[] {
  if (!(rate > 0) || !Number.isFinite(rate)) return [];
  const rng = createRng(seed);
  const gap: Distribution = { kind: 'exponential', rate: rate / 1000 };
  const likes: Like[] = [];
  for (let t = sample(gap, rng); t < duration; t += sample(gap, rng)) likes.push({ id: likes.length + 1, at: t, server: SERVERS[rng.int(SERVERS.length)]! });
  return likes;
}

interface Message {
  readonly from: number;
  readonly to: number;
  readonly sentAt: number;
  readonly gc: GCounterState;
  readonly naive: LwwState;
}

type SimEvent = { kind: 'like'; like: Like } | { kind: 'gossip' } | { kind: 'deliver'; message: Message };

/** The value a naive copy holds: its written total, or 0 before any write. */
export function naiveValue(state: LwwState): number {
  return state === null ? 0 : Number(state.value);
}

/** Run both designs on the same likes (by default the config's seeded stream). */
export function simulateLikes(config: LikeConfig, likes: readonly Like[] = generateLikes(config.seed, config.rate)): LikeRun {
  // Network delays come from their own stream, so changing the cut never changes the likes.
  const rng = createRng((config.seed ^ 0x9e3779b9) >>> 0);
  const queue = new EventQueue<SimEvent>();
  for (const like of likes) queue.push(like.at, { kind: 'like', like });
  for (let t = GOSSIP_INTERVAL_MS; t < LIKES_END_MS; t += GOSSIP_INTERVAL_MS) queue.push(t, { kind: 'gossip' });

  const gc: GCounterState[] = SERVERS.map(() => ({}));
  const naive: LwwState[] = SERVERS.map(() => lww.empty());
  const writesPerServer = SERVERS.map(() => 0);
  const likesAt = SERVERS.map(() => 0);
  const writes: NaiveWrite[] = [];
  let likeCount = 0;
  let lostMessages = 0;
  const frames: LikeFrame[] = [{ t: 0, gc: [...gc], naive: [...naive], likes: 0, likesAt: [...likesAt], lostMessages }];

  const cutIndex = config.cut === null ? -1 : SERVERS.indexOf(config.cut);
  const cutAt = (t: number) => cutIndex >= 0 && t >= config.cutStart && t < config.cutEnd;
  const broadcast = (from: number, t: number) => {
    for (let to = 0; to < SERVERS.length; to++) {
      if (to === from) continue;
      const message: Message = { from, to, sentAt: t, gc: gc[from]!, naive: naive[from]! };
      queue.push(t + sample(REPLICATION_DELAY, rng), { kind: 'deliver', message });
    }
  };

  while (queue.size > 0) {
    const event = queue.pop()!;
    const t = queue.lastTime;
    if (event.kind === 'gossip') {
      for (let s = 0; s < SERVERS.length; s++) broadcast(s, t);
      continue;
    }
    if (event.kind === 'like') {
      const s = SERVERS.indexOf(event.like.server);
      const name = SERVERS[s]!;
      likeCount++;
      likesAt[s]!++;
      gc[s] = bump(gc[s]!, name, 1);
      // Read this server's own copy, add one, write the total stamped with this server's clock.
      const read = naive[s]!;
      const meta = { node: nodeId(name), clock: t, counter: ++writesPerServer[s]!, context: null, op: event.like.id as OpId };
      const { delta } = lww.create(read, String(naiveValue(read) + 1), meta);
      naive[s] = lww.merge(read, delta);
      writes.push({ id: event.like.id, server: name, at: t, value: naiveValue(read) + 1, parent: read === null ? null : read.op });
      broadcast(s, t);
    } else {
      const { message } = event;
      const touchesCut = message.from === cutIndex || message.to === cutIndex;
      if (touchesCut && (cutAt(message.sentAt) || cutAt(t))) {
        lostMessages++;
      } else {
        gc[message.to] = mergeGCounters(gc[message.to]!, message.gc);
        naive[message.to] = lww.merge(naive[message.to]!, message.naive);
      }
    }
    frames.push({ t, gc: [...gc], naive: [...naive], likes: likeCount, likesAt: [...likesAt], lostMessages });
  }
  return { config, likes, writes, frames };
}

/** The servers' counters at virtual time t: the last frame at or before it. */
export function likeFrameAt(run: LikeRun, t: number): LikeFrame {
  const { frames } = run;
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return frames[lo]!;
}

export interface LikeOutcome {
  readonly likes: number;
  /** What every server's G-Counter reads at the end (they agree). */
  readonly gCounter: number;
  /** What every server's naive counter reads at the end (they agree). */
  readonly naive: number;
  readonly lost: number;
  /** Whether every server holds the same state of each design. */
  readonly converged: boolean;
}

export function likeOutcome(run: LikeRun): LikeOutcome {
  const last = run.frames[run.frames.length - 1]!;
  const gcValues = last.gc.map((s) => gCounterTotal(s));
  const naiveValues = last.naive.map(naiveValue);
  const converged = last.gc.every((s) => sameGCounter(s, last.gc[0]!)) && last.naive.every((s) => lww.equals(s, last.naive[0]!));
  return { likes: run.likes.length, gCounter: gcValues[0]!, naive: naiveValues[0]!, lost: run.likes.length - naiveValues[0]!, converged };
}

/**
 * Likes the naive counter lost, counted from the history instead of the final value: the
 * increments that are not in the chain of writes the final total was built on. Each of
 * them wrote a total that a concurrent write, built on the same or an older total, overwrote.
 */
export function naiveLostFromHistory(run: LikeRun): number {
  const last = run.frames[run.frames.length - 1]!;
  const byId = new Map(run.writes.map((w) => [w.id, w]));
  const chain = new Set<number>();
  for (let id: number | null = last.naive[0]?.op ?? null; id !== null; id = byId.get(id)?.parent ?? null) chain.add(id);
  return run.writes.filter((w) => !chain.has(w.id)).length;
}
