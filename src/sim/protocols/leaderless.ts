import type { Engine } from '../engine.ts';
import type { NodeId, OpId } from '../ids.ts';
import { clockOf, nextCounter, type CoordinatorRequest } from '../replica.ts';
import type { CausalTag, MessageBody } from '../trace.ts';
import { sessions } from '../sessionHooks.ts';
import type { CausalContext } from '../values/causalContext.ts';

/**
 * Dynamo-style leaderless replication. A client sends its request to any replica, which
 * coordinates: it sends the request to the key's N replicas and answers the client after
 * W acknowledgements (a write) or R responses (a read). The other replicas still get the
 * write: the coordinator does not wait for them, but their messages are already on the way.
 * A coordinator that cannot gather W or R within the timeout answers with a failure.
 */
export function coordinateWrite(e: Engine, coord: NodeId, client: NodeId, op: OpId, key: string, value: string, context: CausalContext | null, past?: CausalTag): void {
  // By vector, a coordinator numbers a write only once it has applied the writer's past, so a held write never holds back its later ones.
  if (past?.kind === 'vector' && e.config.causalDelivery === 'vector' && !sessions().canCoordinate(e, coord, past)) return sessions().parkWrite(e, coord, { client, op, key, value, context, past });
  const self = e.replica(coord);
  const prefs = e.preferenceList(key);
  const local = prefs.includes(coord) ? (self.storage.get(key) ?? e.strategy.empty()) : e.strategy.empty();
  const { version, delta, context: after } = e.strategy.create(local, value, {
    node: coord,
    clock: clockOf(self, e.now),
    counter: nextCounter(self, key),
    context,
    op,
  });
  e.op(op).version = version;
  // Causal delivery: the write's tag (sessions.ts). A vector write takes its place among this coordinator's writes.
  const causal: CausalTag | undefined = e.config.causalDelivery === 'off' || !past ? undefined : sessions().tagWrite(e, coord, past);
  if (causal) e.op(op).causal = causal;
  const req: CoordinatorRequest = { kind: 'write', op, client, key, acks: [], context: after, delta, standIns: null };
  self.pending.set(op, req);
  e.schedule(e.now + e.config.timeoutMs, { type: 'coordinator-timeout', node: coord, op });
  if (e.config.sloppyQuorum) e.schedule(e.now + e.config.timeoutMs / 2, { type: 'sloppy-check', node: coord, op });
  for (const replica of prefs) {
    if (replica === coord) {
      if (causal) sessions().deliverOrHold(e, coord, { op, key, state: delta, causal, ackTo: coord });
      else {
        e.apply(coord, key, delta, 'write');
        onWriteAck(e, coord, op, coord);
      }
    } else {
      e.send(coord, replica, causal ? { kind: 'replicate', op, key, state: delta, causal } : { kind: 'replicate', op, key, state: delta });
    }
  }
  if (causal) sessions().track(e, coord, op, key, delta, causal, prefs.filter((p) => p !== coord));
}

/** How many acknowledgements a write of this key needs: W, or every replica of a key written synchronously. */
function writeQuorum(e: Engine, key: string): number {
  return e.config.syncKeys.length > 0 && e.config.syncKeys.includes(key) ? e.preferenceList(key).length : e.config.w;
}

/**
 * A read: sent to the key's N replicas, answered after R. With a floor (version-based
 * reads), each replica answers only once it holds what the client has already seen.
 */
export function coordinateRead(e: Engine, coord: NodeId, client: NodeId, op: OpId, key: string, floor?: unknown): void {
  const self = e.replica(coord);
  const prefs = e.preferenceList(key);
  const req: CoordinatorRequest = { kind: 'read', op, client, key, floor, vector: null, from: [], states: [], merged: undefined, expected: prefs.length, standIns: null, writeBack: null, answered: false };
  self.pending.set(op, req);
  e.schedule(e.now + e.config.timeoutMs, { type: 'coordinator-timeout', node: coord, op });
  if (e.config.sloppyQuorum) e.schedule(e.now + e.config.timeoutMs / 2, { type: 'sloppy-check', node: coord, op });
  // Version-based reads and causal delivery by vector ask and answer differently (sim/sessions/).
  if (floor !== undefined || e.config.causalDelivery === 'vector') return sessions().fanOutRead(e, coord, req, prefs);
  for (const replica of prefs) {
    if (replica !== coord) e.send(coord, replica, { kind: 'read-req', op, key });
    else onReadResponse(e, coord, op, coord, self.storage.get(key) ?? e.strategy.empty());
  }
}

export function onWriteAck(e: Engine, coord: NodeId, op: OpId, from: NodeId): void {
  const req = e.replica(coord).pending.get(op);
  if (!req || req.kind !== 'write') return;
  req.acks.push(from);
  if (req.acks.length < writeQuorum(e, req.key)) return;
  e.replica(coord).pending.delete(op);
  // A copy of the exact size: the list grew by push, and the trace keeps one per operation.
  e.op(op).quorum = req.acks.slice();
  const tag = e.op(op).causal;
  e.send(coord, req.client, tag ? { kind: 'write-reply', op, key: req.key, ok: true, reason: '', context: req.context as CausalContext | null, tag } : { kind: 'write-reply', op, key: req.key, ok: true, reason: '', context: req.context as CausalContext | null });
}

export function onReadResponse(e: Engine, coord: NodeId, op: OpId, from: NodeId, state: unknown, vector?: ReadonlyMap<NodeId, number>): void {
  const self = e.replica(coord);
  const req = self.pending.get(op);
  if (!req || req.kind !== 'read') return;
  req.from.push(from);
  req.states.push(state);
  if (vector && !req.answered) sessions().foldVector(req, vector);
  const s = e.strategy;
  if (req.merged === undefined) {
    if (req.from.length < e.config.r) return;
    let merged = s.empty();
    for (const st of req.states) merged = s.merge(merged, st);
    req.merged = merged;
    e.op(op).quorum = [...req.from];
    if (!e.config.readWriteBack) answerRead(e, coord, op, req, merged);
    // Repair only the key's own replicas: a stand-in that answered a read does not keep the key.
    if (e.config.readRepair) req.from.forEach((node, i) => !req.standIns?.has(node) && repairIfBehind(e, coord, op, req.key, node, req.states[i], merged));
    if (e.config.readWriteBack) startWriteBack(e, coord, op, req, e.preferenceList(req.key));
  } else {
    // A late response: fold it in, and repair the responder if it is behind.
    req.merged = s.merge(req.merged, state);
    if (e.config.readRepair && !req.standIns?.has(from)) repairIfBehind(e, coord, op, req.key, from, state, req.merged);
  }
  if (req.from.length >= req.expected && req.answered) self.pending.delete(op);
}

type ReadRequest = Extract<CoordinatorRequest, { kind: 'read' }>;

function answerRead(e: Engine, coord: NodeId, op: OpId, req: ReadRequest, value: unknown): void {
  req.answered = true;
  const reply: MessageBody = { kind: 'read-reply', op, key: req.key, ok: true, reason: '', state: value };
  e.send(coord, req.client, req.vector ? { ...reply, vector: new Map(req.vector) } : reply);
}

/**
 * The read's second phase (ABD): the home replicas that answered with the value or
 * something newer already hold it; the others are sent it, and the client is answered
 * once W home replicas hold it. Every later read then meets one of them (W + R > N), so
 * no later read returns anything older.
 */
function startWriteBack(e: Engine, coord: NodeId, op: OpId, req: ReadRequest, prefs: readonly NodeId[]): void {
  const s = e.strategy;
  const value = req.merged;
  const holders = new Set<NodeId>();
  req.from.forEach((node, i) => {
    if (prefs.includes(node) && s.equals(s.merge(req.states[i], value), req.states[i])) holders.add(node);
  });
  req.writeBack = { value, holders };
  if (holders.size >= e.config.w) return answerRead(e, coord, op, req, value);
  for (const node of prefs) {
    if (holders.has(node)) continue;
    if (node === coord) {
      e.apply(coord, req.key, value, 'repair');
      holders.add(coord);
    } else e.send(coord, node, { kind: 'write-back', op, key: req.key, state: value });
  }
  if (holders.size >= e.config.w) answerRead(e, coord, op, req, value);
}

function onWriteBackAck(e: Engine, coord: NodeId, op: OpId, from: NodeId): void {
  const self = e.replica(coord);
  const req = self.pending.get(op);
  if (!req || req.kind !== 'read' || !req.writeBack || req.answered) return;
  req.writeBack.holders.add(from);
  if (req.writeBack.holders.size < e.config.w) return;
  answerRead(e, coord, op, req, req.writeBack.value);
  if (req.from.length >= req.expected) self.pending.delete(op);
}

function repairIfBehind(e: Engine, coord: NodeId, op: OpId, key: string, node: NodeId, state: unknown, merged: unknown): void {
  if (e.strategy.equals(e.strategy.merge(state, merged), state)) return;
  if (node === coord) e.apply(coord, key, merged, 'repair');
  else e.send(coord, node, { kind: 'repair', op, key, state: merged });
}

/** The coordinator's deadline: a request still short of its quorum fails. */
export function onCoordinatorTimeout(e: Engine, coord: NodeId, op: OpId): void {
  const self = e.replica(coord);
  const req = self.pending.get(op);
  if (!req) return;
  self.pending.delete(op);
  if (req.kind === 'write') {
    const need = writeQuorum(e, req.key);
    const reason = `only ${req.acks.length} of ${need === e.config.w ? `W=${need}` : `the ${need}`} replicas acknowledged in time${need === e.config.w ? '' : ` (${req.key} is written synchronously)`}`;
    e.send(coord, req.client, { kind: 'write-reply', op, key: req.key, ok: false, reason, context: null });
  } else if (req.merged === undefined) {
    const reason = `only ${req.from.length} of R=${e.config.r} replicas ${req.floor === undefined ? 'answered' : 'had caught up with this client’s session'} in time`;
    e.send(coord, req.client, { kind: 'read-reply', op, key: req.key, ok: false, reason, state: null });
  } else if (!req.answered && req.writeBack) {
    const reason = `only ${req.writeBack.holders.size} of W=${e.config.w} replicas took the value back in time`;
    e.send(coord, req.client, { kind: 'read-reply', op, key: req.key, ok: false, reason, state: null });
  }
}

/**
 * Sloppy quorums, as this lab does them (after Dynamo §4.6, simplified): half-way to the
 * deadline, every replica of the key that has not answered gets a stand-in — the next
 * replica round the ring not yet asked. A stand-in for a write keeps it as a hint for the
 * missing replica and acknowledges, and its ack counts towards W; a stand-in for a read
 * answers from its own data, which rarely holds the key. Either way the quorum can now be
 * met by replicas that do not hold the key's data: which is why W + R > N stops
 * guaranteeing a fresh read. (Dynamo instead uses the first N healthy nodes from the start;
 * content/quorumClaims.ts says how Dynamo, Riak and Cassandra differ.)
 */
export function onSloppyCheck(e: Engine, coord: NodeId, op: OpId): void {
  const req = e.replica(coord).pending.get(op);
  // Nothing to do for a write already acknowledged or a read already answered.
  if (!req || (req.kind === 'read' && req.merged !== undefined)) return;
  const prefs = e.preferenceList(req.key);
  const answered = req.kind === 'write' ? req.acks : req.from;
  // A home replica is covered once it, or a stand-in asked for it, has answered.
  const covered = new Set(answered);
  const standIns = (req.standIns ??= new Map());
  for (const [standIn, owner] of standIns) if (answered.includes(standIn)) covered.add(owner);
  const missing = prefs.filter((p) => !covered.has(p));
  const start = e.ring.indexOf(prefs[prefs.length - 1]!);
  const candidates = e.ring.map((_, i) => e.ring[(start + 1 + i) % e.ring.length]!).filter((n) => !prefs.includes(n) && !standIns.has(n));
  for (const owner of missing) {
    const standIn = candidates.shift();
    if (standIn === undefined) break;
    standIns.set(standIn, owner);
    if (req.kind === 'write') {
      if (standIn === coord) {
        e.hint(coord, req.key, owner, req.delta);
        onWriteAck(e, coord, op, coord);
      } else {
        e.send(coord, standIn, { kind: 'replicate', op, key: req.key, state: req.delta, hintFor: owner });
      }
    } else {
      req.expected++;
      if (standIn === coord) onReadResponse(e, coord, op, coord, e.replica(coord).storage.get(req.key) ?? e.strategy.empty());
      else e.send(coord, standIn, { kind: 'read-req', op, key: req.key });
    }
  }
  // A stand-in may be down too: look again, further round the ring, before the deadline.
  if (e.replica(coord).pending.has(op) && candidates.length > 0) e.schedule(e.now + e.config.timeoutMs / 8, { type: 'sloppy-check', node: coord, op });
}

/** A stand-in hands its hints back to the replicas they were meant for, until each is acknowledged. */
export function onHandoffTimer(e: Engine, node: NodeId): void {
  e.schedule(e.now + e.config.hintedHandoffMs, { type: 'handoff', node });
  const self = e.replica(node);
  if (!self.up) return;
  for (const [key, byOwner] of self.hints) {
    for (const [owner, state] of byOwner) e.send(node, owner, { kind: 'handoff', key, owner, state });
  }
}

/** A replica's handling of the messages this protocol sends between replicas. */
export function onReplicaMessage(e: Engine, node: NodeId, from: NodeId, body: MessageBody): void {
  switch (body.kind) {
    case 'replicate':
      if (body.causal) {
        sessions().deliverOrHold(e, node, { op: body.op, key: body.key, state: body.state, causal: body.causal, ackTo: from });
        return;
      }
      if (body.hintFor !== undefined) e.hint(node, body.key, body.hintFor, body.state);
      else e.apply(node, body.key, body.state, 'replicate');
      e.send(node, from, { kind: 'replicate-ack', op: body.op, key: body.key });
      return;
    case 'handoff':
      e.apply(node, body.key, body.state, 'handoff');
      e.send(node, from, { kind: 'handoff-ack', key: body.key, owner: body.owner, state: body.state });
      return;
    case 'handoff-ack': {
      // Drop the hint only if it has not grown since it was sent.
      const held = e.replica(node).hints.get(body.key)?.get(body.owner);
      if (held !== undefined && e.strategy.equals(held, body.state)) e.hint(node, body.key, body.owner, undefined);
      return;
    }
    case 'replicate-ack':
      if (e.config.causalDelivery !== 'off') sessions().acked(e, node, body.op, from);
      onWriteAck(e, node, body.op, from);
      return;
    case 'read-req':
      if (body.floor !== undefined || e.config.causalDelivery === 'vector') sessions().onReadRequest(e, node, from, body.op, body.key, body.floor);
      else e.send(node, from, { kind: 'read-resp', op: body.op, key: body.key, state: e.replica(node).storage.get(body.key) ?? e.strategy.empty() });
      return;
    case 'read-resp':
      onReadResponse(e, node, body.op, from, body.state, body.vector);
      return;
    case 'repair':
      e.apply(node, body.key, body.state, 'repair');
      return;
    case 'write-back':
      e.apply(node, body.key, body.state, 'repair');
      e.send(node, from, { kind: 'write-back-ack', op: body.op, key: body.key });
      return;
    case 'write-back-ack':
      onWriteBackAck(e, node, body.op, from);
      return;
    default:
      return;
  }
}
