import { countBefore, type Moment } from '../sim/timeline.ts';
import type { HintChange, OpRecord, Trace } from '../sim/trace.ts';
import type { ValueStrategy } from '../sim/values/types.ts';

/**
 * Why an acknowledged write counts as lost:
 *
 * - `older-write-won`: the store orders it below a write that had been acknowledged
 *   before it was even made, so every replica ends up keeping the older value. Last write
 *   wins does this when the older write carries the later timestamp (a fast clock, or a
 *   slow one where the newer write was stamped).
 * - `vanished`: no replica holds it, or anything that replaces it, and no message on its
 *   way or hint waiting to be handed back carries it: a crash lost it before it reached disk.
 */
export type LossCause = 'older-write-won' | 'vanished';

export interface LostWrite {
  readonly write: OpRecord;
  readonly cause: LossCause;
  /** For `older-write-won`: the earlier write that is kept instead. */
  readonly by: OpRecord | null;
}

type AnyStrategy = ValueStrategy<unknown, unknown>;

/** Whether the store keeps version `a` over version `b`: the state holding `a` alone covers `b`. */
function outranks(strategy: AnyStrategy, a: unknown, b: unknown): boolean {
  return strategy.versionState !== undefined && strategy.covers(strategy.versionState(a), b);
}

function acknowledged(op: OpRecord, t: number): boolean {
  return op.kind === 'write' && op.outcome === 'ok' && op.version !== null && op.completedAt !== null && op.completedAt <= t;
}

/**
 * The acknowledged write, finished before `write` was made, that the store keeps instead
 * of it, or null. Of several, the one the store ranks highest: the one reads return.
 * Only strategies that rank versions without asking what a writer had seen (last write
 * wins) can do this; a multi-value register keeps a version over another only when its
 * writer had read that one, which an earlier write cannot have done.
 */
export function olderWinner(ops: readonly OpRecord[], strategy: AnyStrategy, write: OpRecord): OpRecord | null {
  if (strategy.versionState === undefined || write.version === null) return null;
  let best: OpRecord | null = null;
  for (const o of ops) {
    // Strictly before: an answer at the very moment the write was made is not "before" it.
    if (o === write || o.key !== write.key || !acknowledged(o, write.invokedAt) || o.completedAt === write.invokedAt) continue;
    if (!outranks(strategy, o.version, write.version)) continue;
    if (best === null || outranks(strategy, o.version, best.version)) best = o;
  }
  return best;
}

/** Every copy of each key that existed at one moment (see copiesAt). */
export interface Copies {
  readonly at: number;
  readonly of: (key: string) => readonly unknown[];
}

/**
 * Acknowledged writes that are lost, as known at time `t`:
 *
 * - an older write won over it (a verdict fixed once both exist), as long as that older
 *   write, or something above it, is still held somewhere: a winner that a crash wiped out
 *   no longer hides the write, which every replica may then hold again;
 * - it vanished: at one of the `checkpoints` (the moments a crash threw writes away, and t
 *   itself), after it was acknowledged, no copy anywhere covered it. Once vanished, a write
 *   stays lost: nothing can bring its value back.
 *
 * Without checkpoints only the first kind is judged, which is all there is to judge when no
 * crash has lost anything.
 *
 * Writes that overlapped in time are not counted against each other: either order is a
 * correct outcome for a register, so last write wins keeping one of two concurrent writes
 * is not a loss here (the conflicts lab shows what it costs a cart).
 *
 * @example lostWrites(sim.trace.ops, sim.strategy, 5000).length // 0 with clocks in step and no crash
 */
export function lostWrites(ops: readonly OpRecord[], strategy: AnyStrategy, t: number, checkpoints: readonly Copies[] = []): LostWrite[] {
  const winners = olderWinners(ops, strategy);
  winners.prepare(t);
  const merged = checkpoints.map((c) => {
    const byKey = new Map<string, unknown>();
    return (key: string) => {
      if (!byKey.has(key)) byKey.set(key, c.of(key).reduce<unknown>((acc, st) => strategy.merge(acc, st), strategy.empty()));
      return byKey.get(key);
    };
  });
  const now = checkpoints.length - 1;
  const vanished = (write: OpRecord) => checkpoints.some((c, i) => c.at <= t && write.completedAt! <= c.at && !strategy.covers(merged[i]!(write.key), write.version));
  const out: LostWrite[] = [];
  for (const write of ops) {
    if (!acknowledged(write, t)) continue;
    const by = winners(write);
    if (by !== null && (now < 0 || strategy.covers(merged[now]!(write.key), by.version))) out.push({ write, cause: 'older-write-won', by });
    else if (vanished(write)) out.push({ write, cause: 'vanished', by: null });
  }
  return out;
}

/** olderWinner for every write made up to a moment, by one index instead of a scan each. */
interface Winners {
  (write: OpRecord): OpRecord | null;
  /** About to ask for every write acknowledged by t: index the history up to t once. */
  prepare(t: number): void;
}

const remembered = new WeakMap<readonly OpRecord[], WeakMap<AnyStrategy, Winners>>();

/**
 * olderWinner remembered per write: once a write is made, every write that finished
 * before it is in the history, so its verdict cannot change. One memo per run (its
 * operation list and strategy), so views asking every frame pay for each write once.
 * Asked about many writes at once (the first moment late in a long run), it sorts each
 * key's acknowledged writes by completion once and keeps the highest ranked so far, so
 * each verdict is a binary search instead of a scan of the whole history. That is exact
 * for a total order (last write wins); for a multi-value register no earlier write ever
 * outranks a later one, and neither way finds one.
 */
export function olderWinners(ops: readonly OpRecord[], strategy: AnyStrategy): Winners {
  let byStrategy = remembered.get(ops);
  if (!byStrategy) remembered.set(ops, (byStrategy = new WeakMap()));
  const memo = byStrategy.get(strategy);
  if (memo) return memo;
  const known = new Map<OpRecord, OpRecord | null>();
  let index: { builtAt: number; byKey: Map<string, { at: number[]; best: OpRecord[] }> } | null = null;
  const fromIndex = (write: OpRecord): OpRecord | null => {
    const k = index!.byKey.get(write.key);
    if (!k) return null;
    // The writes acknowledged strictly before this one was made.
    const before = countBefore(k.at, write.invokedAt);
    const best = before > 0 ? k.best[before - 1]! : null;
    return best !== null && outranks(strategy, best.version, write.version) ? best : null;
  };
  const winners = ((write: OpRecord) => {
    let v = known.get(write);
    if (v === undefined) {
      v = strategy.versionState === undefined || write.version === null ? null : index && write.invokedAt <= index.builtAt ? fromIndex(write) : olderWinner(ops, strategy, write);
      known.set(write, v);
    }
    return v;
  }) as Winners;
  winners.prepare = (t) => {
    if (strategy.versionState === undefined || (index && index.builtAt >= t)) return;
    let unknown = 0;
    for (const o of ops) if (acknowledged(o, t) && !known.has(o) && ++unknown > 32) break;
    if (unknown <= 32) return;
    const byKey = new Map<string, { at: number[]; best: OpRecord[] }>();
    const acked = ops.filter((o) => acknowledged(o, t)).sort((x, y) => x.completedAt! - y.completedAt!);
    for (const o of acked) {
      let k = byKey.get(o.key);
      if (!k) byKey.set(o.key, (k = { at: [], best: [] }));
      const prev = k.best[k.best.length - 1];
      k.at.push(o.completedAt!);
      k.best.push(prev !== undefined && !outranks(strategy, o.version, prev.version) ? prev : o);
    }
    index = { builtAt: t, byKey };
  };
  byStrategy.set(strategy, winners);
  return winners;
}

/**
 * The moments a lost write is judged at, up to t: each crash that threw away writes not yet
 * on disk (the only way a copy disappears), and t itself. None when nothing was thrown away.
 */
export function lossCheckpoints(trace: Pick<Trace, 'events' | 'hints'>, momentAt: (t: number) => Moment, t: number, readRepair: boolean): Copies[] {
  const times = new Set<number>();
  for (const e of trace.events) {
    if (e.at > t) break;
    if (e.type === 'crash' && e.lostUndurable) times.add(e.at);
  }
  if (times.size === 0) return [];
  return [...times, t].map((at) => copiesAt(momentAt(at), trace.hints, readRepair));
}

/**
 * Every copy of each key that exists at a moment: each replica's state, each hint a stand-in
 * holds, and each state carried by a message still on its way to a replica (it may yet arrive). What
 * lostWrites needs to tell a write that vanished from one that is only somewhere else.
 */
export function copiesAt(moment: Moment, hints: readonly HintChange[], readRepair: boolean): Copies {
  const byKey = new Map<string, unknown[]>();
  const add = (key: string, state: unknown) => {
    const list = byKey.get(key);
    if (list) list.push(state);
    else byKey.set(key, [state]);
  };
  for (const held of moment.storage.values()) for (const [key, state] of held) add(key, state);
  const hinted = new Map<string, { key: string; state: unknown }>();
  for (const h of hints) {
    if (h.at > moment.at) break;
    const id = `${h.node}|${h.key}|${h.owner}`;
    if (h.state === null) hinted.delete(id);
    else hinted.set(id, { key: h.key, state: h.state });
  }
  for (const { key, state } of hinted.values()) add(key, state);
  for (const m of moment.inFlight) {
    // Still on its way at this moment: what becomes of it is not known yet, even where the
    // simulation, run a little ahead, already knows it will be dropped.
    // A read's answer goes to a client, and an acknowledgement is not stored: neither is a
    // copy. A replica's answer to a read is kept only if read repair sends it on.
    if (m.kind === 'read-reply' || m.kind === 'handoff-ack' || (m.kind === 'read-resp' && !readRepair)) continue;
    if (m.states) for (const [key, state] of m.states) add(key, state);
    else if (m.key !== null && m.state !== null && m.state !== undefined) add(m.key, m.state);
  }
  return { at: moment.at, of: (key) => byKey.get(key) ?? [] };
}
