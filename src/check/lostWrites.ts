import type { Moment } from '../sim/timeline.ts';
import type { HintChange, OpRecord } from '../sim/trace.ts';
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

/**
 * Acknowledged writes that are lost, as known at time `t`: those an older write won over
 * (a verdict fixed once both exist), and, when `copiesOf` is given, those no copy anywhere
 * covers at `t`. `copiesOf(key)` returns every state of the key that exists at `t`: each
 * replica's, each hint's, and each message's still on its way.
 *
 * Writes that overlapped in time are not counted against each other: either order is a
 * correct outcome for a register, so last write wins keeping one of two concurrent writes
 * is not a loss here (the conflicts lab shows what it costs a cart).
 *
 * @example lostWrites(sim.trace.ops, sim.strategy, 5000).length // 0 with clocks in step and no crash
 */
export function lostWrites(ops: readonly OpRecord[], strategy: AnyStrategy, t: number, copiesOf?: (key: string) => readonly unknown[]): LostWrite[] {
  const winners = olderWinners(ops, strategy);
  const covering = new Map<string, unknown>();
  const merged = (key: string) => {
    if (!covering.has(key)) covering.set(key, copiesOf!(key).reduce<unknown>((acc, s) => strategy.merge(acc, s), strategy.empty()));
    return covering.get(key);
  };
  const out: LostWrite[] = [];
  for (const write of ops) {
    if (!acknowledged(write, t)) continue;
    const by = winners(write);
    if (by !== null) out.push({ write, cause: 'older-write-won', by });
    else if (copiesOf && !strategy.covers(merged(write.key), write.version)) out.push({ write, cause: 'vanished', by: null });
  }
  return out;
}

const remembered = new WeakMap<readonly OpRecord[], WeakMap<AnyStrategy, (write: OpRecord) => OpRecord | null>>();

/**
 * olderWinner remembered per write: once a write is made, every write that finished
 * before it is in the history, so its verdict cannot change. One memo per run (its
 * operation list and strategy), so views asking every frame pay for each write once.
 */
export function olderWinners(ops: readonly OpRecord[], strategy: AnyStrategy): (write: OpRecord) => OpRecord | null {
  let byStrategy = remembered.get(ops);
  if (!byStrategy) remembered.set(ops, (byStrategy = new WeakMap()));
  let memo = byStrategy.get(strategy);
  if (!memo) {
    const known = new Map<OpRecord, OpRecord | null>();
    memo = (write) => {
      let v = known.get(write);
      if (v === undefined) known.set(write, (v = olderWinner(ops, strategy, write)));
      return v;
    };
    byStrategy.set(strategy, memo);
  }
  return memo;
}

/**
 * Every copy of each key that exists at a moment: each replica's state, each hint a stand-in
 * holds, and each state carried by a message still on its way to a replica (it may yet arrive). What
 * lostWrites needs to tell a write that vanished from one that is only somewhere else.
 */
export function copiesAt(moment: Moment, hints: readonly HintChange[]): (key: string) => unknown[] {
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
    const b = m.body;
    // A read's answer goes to a client, which keeps no copy.
    if (b.kind === 'read-reply') continue;
    if ('states' in b) for (const [key, state] of Object.entries(b.states)) add(key, state);
    else if ('state' in b && b.state !== null && b.state !== undefined) add(b.key, b.state);
  }
  return (key) => byKey.get(key) ?? [];
}
