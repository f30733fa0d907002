import type { Engine } from '../engine.ts';
import type { NodeId, OpId } from '../ids.ts';
import type { HeldUpdate, ReplicaState } from '../replica.ts';
import type { CausalTag } from '../trace.ts';

/**
 * What replicas do for client sessions (issue 13's fixes), beside the leaderless protocol:
 *
 * - Version-based reads: a read carries a floor, what its client must see of the key; a
 *   replica whose state does not cover the floor parks the read and answers it once a
 *   write brings the state up to the floor, or drops it after the timeout.
 * - Causal delivery: a write carries a causal tag; a replica (its coordinator included)
 *   applies it only once it has applied everything the tag names, holding it back until
 *   then. With 'deps' the tag names the latest version of each key the writer had seen
 *   (COPS's dependencies, all of them rather than the nearest); with 'vector' it names the
 *   write's coordinator, its place among that coordinator's writes, and a version vector of
 *   the writer's past, and each coordinator's writes are applied in order (causal
 *   broadcast). A vector names every write its client's past includes, including ones it
 *   does not depend on, so it can hold an update back for nothing (a false dependency);
 *   explicit dependencies cost more to carry and check.
 *
 * Both stand on the strategy's merge: a state covers another when merging the other in
 * changes nothing.
 */
export function covers(e: Engine, state: unknown, floor: unknown): boolean {
  const s = e.strategy;
  return s.equals(s.merge(state, floor), state);
}

/** This replica's share of a read with a floor: its state now if it covers the floor, else once it does (or never, after the timeout). */
export function answerWhenCovered(e: Engine, node: NodeId, to: NodeId, op: OpId, key: string, floor: unknown, answer: (state: unknown) => void): void {
  const self = e.replica(node);
  const state = self.storage.get(key) ?? e.strategy.empty();
  if (covers(e, state, floor)) return answer(state);
  const wait = e.startWait(node, 'read', op, key);
  self.parked.push({ op, key, to, floor, wait });
  e.schedule(e.now + e.config.timeoutMs, { type: 'unpark', node, op });
}

/** A parked read's time is up: drop it (its coordinator has given up too). */
export function onUnpark(e: Engine, node: NodeId, op: OpId): void {
  const self = e.replica(node);
  const i = self.parked.findIndex((p) => p.op === op);
  if (i < 0) return;
  e.endWait(self.parked[i]!.wait, 'expired');
  self.parked.splice(i, 1);
}

/** Whether this replica has applied everything a write's causal tag names. */
export function deliverable(e: Engine, self: ReplicaState, tag: CausalTag): boolean {
  if (tag.kind === 'deps') {
    for (const [key, state] of tag.deps) if (!covers(e, self.storage.get(key) ?? e.strategy.empty(), state)) return false;
    return true;
  }
  if ((self.applied.get(tag.origin) ?? 0) !== tag.seq - 1) return false;
  for (const [node, count] of tag.vector) if (node !== tag.origin && (self.applied.get(node) ?? 0) < count) return false;
  return true;
}

/**
 * A write reaching a replica under causal delivery: applied now if its dependencies are,
 * else held back. `ack` acknowledges it to its coordinator once applied.
 */
export function deliverOrHold(e: Engine, node: NodeId, update: Omit<HeldUpdate, 'wait'>, ack: () => void): void {
  const self = e.replica(node);
  if (deliverable(e, self, update.causal)) {
    deliver(e, node, update);
    ack();
    return;
  }
  self.heldBack.push({ ...update, wait: e.startWait(node, 'update', update.op, update.key) });
}

function deliver(e: Engine, node: NodeId, update: Omit<HeldUpdate, 'wait'>): void {
  const self = e.replica(node);
  // The count first: applying may release updates that wait for this one.
  if (update.causal.kind === 'vector') self.applied.set(update.causal.origin, update.causal.seq);
  e.apply(node, update.key, update.state, update.ackTo === node ? 'write' : 'replicate');
}

/**
 * After a replica's state changed: answer the parked reads it now satisfies, and apply the
 * held-back updates whose dependencies are now met, sweeping again until nothing more is
 * released (an update applied may be what another waits for).
 */
export function afterApply(e: Engine, node: NodeId): void {
  const self = e.replica(node);
  // A release applies a write, which calls this again: the sweep already running picks it up.
  if ((self.parked.length === 0 && self.heldBack.length === 0) || self.releasing) return;
  self.releasing = true;
  try {
    for (let progress = true; progress; ) {
      progress = false;
      for (let i = 0; i < self.parked.length; ) {
        const p = self.parked[i]!;
        const state = self.storage.get(p.key) ?? e.strategy.empty();
        if (!covers(e, state, p.floor)) {
          i++;
          continue;
        }
        self.parked.splice(i, 1);
        e.endWait(p.wait, 'done');
        e.answerRead(node, p.to, p.op, p.key, state);
      }
      for (let i = 0; i < self.heldBack.length; ) {
        const h = self.heldBack[i]!;
        if (!deliverable(e, self, h.causal)) {
          i++;
          continue;
        }
        self.heldBack.splice(i, 1);
        e.endWait(h.wait, 'done');
        deliver(e, node, h);
        e.acknowledge(node, h.ackTo, h.op, h.key);
        progress = true;
      }
    }
  } finally {
    self.releasing = false;
  }
}
