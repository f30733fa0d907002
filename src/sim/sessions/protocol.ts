import type { Engine } from '../engine.ts';
import type { NodeId, OpId } from '../ids.ts';
import { coordinateWrite, onReadResponse, onWriteAck } from '../protocols/leaderless.ts';
import type { CoordinatorRequest, HeldUpdate, ParkedWrite, ReplicaState } from '../replica.ts';
import type { ClientSession, StickyClients } from '../sessionHooks.ts';
import type { CausalTag } from '../trace.ts';

/** Record that a replica holds a read or an update back (trace.waits); returns its index. */
function startWait(e: Engine, node: NodeId, kind: 'read' | 'update', op: OpId, key: string): number {
  return e.trace.waits.push({ node, kind, op, key, from: e.now, until: null, end: null }) - 1;
}

function endWait(e: Engine, index: number, end: 'done' | 'expired' | 'crash'): void {
  const w = e.trace.waits[index]!;
  w.until = e.now;
  w.end = end;
}

/** A replica's answer to its share of a read: to itself when it coordinates, else a message; by vector, with what it has applied. */
export function answerRead(e: Engine, node: NodeId, to: NodeId, op: OpId, key: string, state: unknown): void {
  const vector = e.config.causalDelivery === 'vector' ? new Map(e.replica(node).applied) : undefined;
  if (to === node) onReadResponse(e, node, op, node, state, vector);
  else e.send(node, to, vector ? { kind: 'read-resp', op, key, state, vector } : { kind: 'read-resp', op, key, state });
}

/** A replica acknowledges a write it applied: to itself when it coordinates (its own copy is then no longer owed), else a message. */
function acknowledge(e: Engine, node: NodeId, to: NodeId, op: OpId, key: string): void {
  if (to === node) {
    acked(e, node, op, node);
    onWriteAck(e, node, op, node);
  } else e.send(node, to, { kind: 'replicate-ack', op, key });
}

export function tagWrite(e: Engine, coord: NodeId, past: CausalTag): CausalTag {
  return past.kind === 'deps' ? past : { kind: 'vector', origin: coord, seq: ++e.replica(coord).originSeq, vector: past.vector };
}

export function dropHeld(e: Engine, node: NodeId): void {
  const r = e.replica(node);
  for (const held of [...r.parked, ...r.heldBack, ...r.parkedWrites]) endWait(e, held.wait, 'crash');
}

/**
 * A sticky client heard nothing from its replica within the timeout: it takes the next
 * replica round the ring as its own and sends the request there, with a fresh deadline.
 * Once per operation; what the old replica held and the new one lacks is where a
 * session's guarantee can break.
 */
export function failover(e: Engine, clients: StickyClients, id: OpId): void {
  const op = e.op(id);
  if (op.outcome !== 'pending' || clients.hasRetried(id)) return;
  const from = op.coordinator;
  const to = e.ring[(e.ring.indexOf(from) + 1) % e.ring.length]!;
  clients.sessionOf(op.client).home = to;
  e.trace.events.push({ at: e.now, type: 'failover', client: op.client, op: id, from, to });
  clients.retry(op, to);
}

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
 *   broadcast). A coordinator numbers a write only once it has applied the writer's past
 *   (parkWrite), as causal broadcast sends only what it can deliver itself, so a write
 *   waiting at its own coordinator takes no number that would block that coordinator's
 *   later writes. Elsewhere each coordinator's writes still apply in order, so one held
 *   write holds up the later ones, unrelated users' included. A vector names every write
 *   its client's past includes, including ones it does not depend on, so it can hold an
 *   update back for nothing (a false dependency); explicit dependencies cost more to carry
 *   and check.
 *
 * Both stand on the strategy's merge: a state covers another when merging the other in
 * changes nothing.
 */
function covers(e: Engine, state: unknown, floor: unknown): boolean {
  const s = e.strategy;
  return s.equals(s.merge(state, floor), state);
}

/** This replica's share of a read with a floor: its state now if it covers the floor, else once it does (or never, after the timeout). */
export function answerWhenCovered(e: Engine, node: NodeId, to: NodeId, op: OpId, key: string, floor: unknown, answer: (state: unknown) => void): void {
  const self = e.replica(node);
  const state = self.storage.get(key) ?? e.strategy.empty();
  if (covers(e, state, floor)) return answer(state);
  const wait = startWait(e, node, 'read', op, key);
  self.parked.push({ op, key, to, floor, wait });
  e.schedule(e.now + e.config.timeoutMs, { type: 'unpark', node, op });
}

/** A parked read's time is up: drop it (its coordinator has given up too). */
export function onUnpark(e: Engine, node: NodeId, op: OpId): void {
  const self = e.replica(node);
  const i = self.parked.findIndex((p) => p.op === op);
  if (i < 0) return;
  endWait(e, self.parked[i]!.wait, 'expired');
  self.parked.splice(i, 1);
}

/** Whether this replica has applied everything a write's causal tag names. */
function deliverable(e: Engine, self: ReplicaState, tag: CausalTag): boolean {
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
 * else held back; acknowledged to its coordinator once applied.
 */
export function deliverOrHold(e: Engine, node: NodeId, update: Omit<HeldUpdate, 'wait'>): void {
  const self = e.replica(node);
  // A write sent again (its coordinator had no acknowledgement): acknowledge it if applied, and hold it once.
  const tag = update.causal;
  if (tag.kind === 'vector' && (self.applied.get(tag.origin) ?? 0) >= tag.seq) return acknowledge(e, node, update.ackTo, update.op, update.key);
  if (self.heldBack.some((h) => h.op === update.op)) return;
  if (deliverable(e, self, update.causal)) {
    deliver(e, node, update);
    acknowledge(e, node, update.ackTo, update.op, update.key);
    return;
  }
  self.heldBack.push({ ...update, wait: startWait(e, node, 'update', update.op, update.key) });
}

function deliver(e: Engine, node: NodeId, update: Omit<HeldUpdate, 'wait'>): void {
  const self = e.replica(node);
  // The count first: applying may release updates that wait for this one.
  if (update.causal.kind === 'vector') self.applied.set(update.causal.origin, update.causal.seq);
  e.apply(node, update.key, update.state, update.ackTo === node ? 'write' : 'replicate');
  // Applying a write that changes nothing (last write wins kept a newer one) does not call
  // afterApply, but by vector it still counts, and may release what waits for it.
  if (update.causal.kind === 'vector') afterApply(e, node);
}

/**
 * After a replica's state changed: answer the parked reads it now satisfies, and apply the
 * held-back updates whose dependencies are now met, sweeping again until nothing more is
 * released (an update applied may be what another waits for).
 */
export function afterApply(e: Engine, node: NodeId): void {
  const self = e.replica(node);
  // A release applies a write, which calls this again: the sweep already running picks it up.
  if ((self.parked.length === 0 && self.heldBack.length === 0 && self.parkedWrites.length === 0) || self.releasing) return;
  self.releasing = true;
  try {
    const stateOf = (key: string) => self.storage.get(key) ?? e.strategy.empty();
    for (let progress = true; progress; ) {
      // Answering a read changes nothing held; applying or taking a write may release more.
      sweep(e, self.parked, (p) => covers(e, stateOf(p.key), p.floor), (p) => answerRead(e, node, p.to, p.op, p.key, stateOf(p.key)));
      progress = sweep(e, self.heldBack, (h) => deliverable(e, self, h.causal), (h) => {
        deliver(e, node, h);
        acknowledge(e, node, h.ackTo, h.op, h.key);
      });
      if (sweep(e, self.parkedWrites, (w) => canCoordinate(e, node, w.past), (w) => coordinateWrite(e, node, w.client, w.op, w.key, w.value, w.context, w.past))) progress = true;
    }
  } finally {
    self.releasing = false;
  }
}

/** Release, in order, each entry of `list` that `ready` accepts: out of the list, its wait ended, then `release`. Whether any was. */
function sweep<T extends { readonly wait: number }>(e: Engine, list: T[], ready: (x: T) => boolean, release: (x: T) => void): boolean {
  let any = false;
  for (let i = 0; i < list.length; ) {
    const x = list[i]!;
    if (!ready(x)) {
      i++;
      continue;
    }
    list.splice(i, 1);
    endWait(e, x.wait, 'done');
    release(x);
    any = true;
  }
  return any;
}

/** What a read of `key` by this session must see: its own writes, what it read, or both (undefined: nothing). */
export function floor(e: Engine, session: ClientSession, key: string): unknown {
  const mode = e.config.sessionReads;
  const s = e.strategy;
  let merged = s.empty();
  if (mode === 'writes' || mode === 'both') merged = s.merge(merged, session.wrote.get(key) ?? s.empty());
  if (mode === 'reads' || mode === 'both') merged = s.merge(merged, session.read.get(key) ?? s.empty());
  return s.equals(merged, s.empty()) ? undefined : merged;
}

/**
 * What a write by this session depends on: by dependencies, the latest state of every key
 * it wrote or read; by vector, its version vector (the coordinator fills in its own place).
 */
export function past(e: Engine, session: ClientSession): CausalTag | undefined {
  const mode = e.config.causalDelivery;
  if (mode === 'off') return undefined;
  if (mode === 'vector') return { kind: 'vector', origin: '' as NodeId, seq: 0, vector: new Map(session.vector) };
  const s = e.strategy;
  const deps = new Map<string, unknown>(session.wrote);
  for (const [key, state] of session.read) deps.set(key, s.merge(deps.get(key) ?? s.empty(), state));
  return { kind: 'deps', deps };
}

export function remember(
  e: Engine,
  session: ClientSession,
  key: string,
  wrote: { readonly state: unknown; readonly tag: CausalTag | undefined } | null,
  read: { readonly state: unknown; readonly vector: ReadonlyMap<NodeId, number> | undefined } | null,
): void {
  const s = e.strategy;
  if (wrote) {
    if (wrote.state !== undefined) session.wrote.set(key, s.merge(session.wrote.get(key) ?? s.empty(), wrote.state));
    if (wrote.tag?.kind === 'vector') raise(session.vector, new Map([[wrote.tag.origin, wrote.tag.seq]]));
  }
  if (read) {
    session.read.set(key, s.merge(session.read.get(key) ?? s.empty(), read.state));
    if (read.vector) raise(session.vector, read.vector);
  }
}

/** Raise each count in `into` to at least the one in `from` (a version vector's merge). */
function raise(into: Map<NodeId, number>, from: ReadonlyMap<NodeId, number>): void {
  for (const [node, count] of from) if ((into.get(node) ?? 0) < count) into.set(node, count);
}

type ReadRequest = Extract<CoordinatorRequest, { kind: 'read' }>;

/** A read with a floor, or under causal delivery by vector: each replica answers once it covers the floor, with what it has applied. */
export function fanOutRead(e: Engine, coord: NodeId, req: ReadRequest, prefs: readonly NodeId[]): void {
  if (e.config.causalDelivery === 'vector') req.vector = new Map();
  for (const replica of prefs) {
    if (replica !== coord) e.send(coord, replica, req.floor === undefined ? { kind: 'read-req', op: req.op, key: req.key } : { kind: 'read-req', op: req.op, key: req.key, floor: req.floor });
    else onReadRequest(e, coord, coord, req.op, req.key, req.floor);
  }
}

export function onReadRequest(e: Engine, node: NodeId, from: NodeId, op: OpId, key: string, floor: unknown): void {
  const answer = (state: unknown) => answerRead(e, node, from, op, key, state);
  if (floor === undefined) answer(e.replica(node).storage.get(key) ?? e.strategy.empty());
  else answerWhenCovered(e, node, from, op, key, floor, answer);
}

/** What the replicas that answered before the client had applied: the reader's past grows by all of it. */
export function foldVector(req: ReadRequest, vector: ReadonlyMap<NodeId, number>): void {
  if (req.vector) raise(req.vector, vector);
}

/**
 * Causal delivery needs every write to reach every replica: a write that never arrives
 * holds back everything that depends on it, for good (and, by vector, every later write of
 * its coordinator). So a coordinator sends a write again, each timeout, to the replicas that
 * have not acknowledged it, as reliable causal broadcast requires (retransmission until
 * acknowledged; COPS assumes reliable replication between datacenters). What it still has to send is
 * kept through a crash, like a durable replication log, and sent again once it is back.
 * That includes the coordinator's own copy while it holds it back: a crash empties what a
 * replica holds in memory, and nobody else would ever deliver that copy to it again (a
 * property test found a coordinator, crashed while holding its own write, holding every
 * later write that depended on it for good).
 */
export function track(e: Engine, coord: NodeId, op: OpId, key: string, state: unknown, causal: CausalTag, to: readonly NodeId[]): void {
  const ownHeld = e.replica(coord).heldBack.some((h) => h.op === op);
  if (to.length === 0 && !ownHeld) return;
  e.replica(coord).outstanding.set(op, { key, state, causal, waiting: new Set(ownHeld ? [...to, coord] : to) });
  e.schedule(e.now + e.config.timeoutMs, { type: 'resend', node: coord, op });
}

export function acked(e: Engine, coord: NodeId, op: OpId, from: NodeId): void {
  const self = e.replica(coord);
  const out = self.outstanding.get(op);
  if (!out) return;
  out.waiting.delete(from);
  if (out.waiting.size === 0) self.outstanding.delete(op);
}

export function onResend(e: Engine, coord: NodeId, op: OpId): void {
  const self = e.replica(coord);
  const out = self.outstanding.get(op);
  if (!out) return;
  if (self.up)
    for (const to of out.waiting) {
      // Its own copy, lost with what it held in a crash: hold it again (or apply it, if its dependencies have arrived).
      if (to === coord) deliverOrHold(e, coord, { op, key: out.key, state: out.state, causal: out.causal, ackTo: coord });
      else e.send(coord, to, { kind: 'replicate', op, key: out.key, state: out.state, causal: out.causal });
    }
  e.schedule(e.now + e.config.timeoutMs, { type: 'resend', node: coord, op });
}

export function canCoordinate(e: Engine, coord: NodeId, past: CausalTag): boolean {
  if (past.kind !== 'vector') return true;
  const applied = e.replica(coord).applied;
  for (const [node, count] of past.vector) if ((applied.get(node) ?? 0) < count) return false;
  return true;
}

export function parkWrite(e: Engine, coord: NodeId, write: Omit<ParkedWrite, 'wait'>): void {
  e.replica(coord).parkedWrites.push({ ...write, wait: startWait(e, coord, 'update', write.op, write.key) });
}
