import type { Directory, Engine } from '../engine.ts';
import type { NodeId, OpId } from '../ids.ts';
import { clockOf, nextCounter, type FollowerProgress, type ReplicaState } from '../replica.ts';
import type { LogEntry, MessageBody } from '../trace.ts';

/**
 * Single-leader replication, as MySQL, PostgreSQL and MongoDB do it in outline (this lab's
 * version is DESIGN.md's "The leader protocol"):
 * - One replica, the leader, takes every write. It appends the write to its log, applies
 *   it, and sends it to each follower as a `replicate` message carrying the entry's place
 *   in the log. It acknowledges the client once `followerAcks` followers have applied it
 *   (0: at once, asynchronous).
 * - A follower applies entries in log order. It refuses an entry whose predecessor it does
 *   not hold, and answers with how much of the log it has, so the leader sends the rest.
 * - An orchestrator outside the network promotes the live follower with the most of the
 *   log once the leader has been unreachable for `failoverMs`. Each promotion starts a new
 *   term, carried on every message. A replica ignores a leader with an older term and
 *   tells it the newer one. An old leader that hears of a newer term steps down and rolls
 *   back the entries the new leader does not have: writes it may have acknowledged, now lost.
 */

/** How many entries a leader sends a follower at once when it is catching up. */
const BATCH = 16;

/** How often a leader sends what a follower lacks, and probes followers it has not heard from. */
export function heartbeatMs(e: Engine): number {
  return Math.max(50, e.config.timeoutMs / 2);
}

/** How often the orchestrator looks at the leader. */
export function orchestratorCheckMs(e: Engine): number {
  return Math.max(50, e.config.failoverMs / 4);
}

/** The first replica leads term 1, and every replica knows it. */
export function startLeader(e: Engine, directory: Directory): void {
  for (const id of e.ring) {
    const r = e.replica(id);
    r.term = 1;
    r.role = id === directory.leader ? 'leader' : 'follower';
    e.schedule(heartbeatMs(e), { type: 'heartbeat', node: id });
  }
  if (e.config.failoverMs > 0) e.schedule(orchestratorCheckMs(e), { type: 'orchestrator' });
}

function followerOf(self: ReplicaState, f: NodeId): FollowerProgress {
  let fs = self.followers.get(f);
  if (!fs) self.followers.set(f, (fs = { next: self.log.length + 1, matched: 0, confirmed: false, seen: -1 }));
  return fs;
}

function reply(e: Engine, from: NodeId, client: NodeId, op: OpId, ok: boolean, reason: string): void {
  const o = e.op(op);
  if (o.kind === 'write') e.send(from, client, { kind: 'write-reply', op, key: o.key, ok, reason, context: null });
  else e.send(from, client, { kind: 'read-reply', op, key: o.key, ok, reason, state: ok ? (e.replica(from).storage.get(o.key) ?? e.strategy.empty()) : null });
}

/** A client's write reaches a replica: the leader logs it; a follower refuses it. */
export function coordinateLeaderWrite(e: Engine, node: NodeId, client: NodeId, op: OpId, key: string, value: string): void {
  const self = e.replica(node);
  if (self.role !== 'leader') return reply(e, node, client, op, false, `${node} is a follower: writes go to the leader`);
  const last = self.log[self.log.length - 1];
  // The stamp only grows along the log, so a later entry always outranks an earlier one, whatever the clocks say.
  const stamp = Math.max(clockOf(self, e.now), last ? last.stamp + 1 : -Infinity);
  const { version, delta } = e.strategy.create(self.storage.get(key) ?? e.strategy.empty(), value, { node, clock: stamp, counter: nextCounter(self, key), context: null, op });
  e.op(op).version = version;
  for (const f of e.ring) if (f !== node) followerOf(self, f);
  const index = self.log.length + 1;
  append(e, self, { term: self.term, index, prevTerm: last ? last.term : 0, op, key, state: delta, stamp }, self.term, 'write');
  if (e.config.followerAcks === 0) {
    e.op(op).quorum = [node];
    reply(e, node, client, op, true, '');
  } else {
    self.pending.set(op, { kind: 'write', op, client, key, acks: [node], context: null, delta, standIns: null, index });
    e.schedule(e.now + e.config.timeoutMs, { type: 'coordinator-timeout', node, op });
  }
  // Followers already sent everything before this entry get it now; one that is behind gets it in order, later.
  self.followers.forEach((fs, f) => fs.next === index && sendEntries(e, self, f, fs));
}

/** A client's read: answered from the replica's own copy, by the leader or, with follower reads, by anyone. */
export function coordinateLeaderRead(e: Engine, node: NodeId, client: NodeId, op: OpId): void {
  const self = e.replica(node);
  if (self.role !== 'leader' && !e.config.followerReads) return reply(e, node, client, op, false, `${node} is a follower: reads go to the leader`);
  e.op(op).quorum = [node];
  reply(e, node, client, op, true, '');
}

/** A write the leader could not get enough followers to apply in time fails (it stays in the log, and may still reach them). */
export function onLeaderTimeout(e: Engine, node: NodeId, op: OpId): void {
  const self = e.replica(node);
  const req = self.pending.get(op);
  if (!req || req.kind !== 'write') return;
  self.pending.delete(op);
  const need = e.config.followerAcks;
  reply(e, node, req.client, op, false, `only ${req.acks.length - 1} of the ${need} follower${need === 1 ? '' : 's'} it waits for applied it in time`);
}

/** Append an entry that came from a leader of term `from` (this replica itself, for its own write). */
function append(e: Engine, self: ReplicaState, entry: LogEntry, from: number, cause: 'write' | 'replicate'): void {
  self.log.push(entry);
  e.trace.log.push({ at: e.now, node: self.id, index: self.log.length, term: entry.term, from, op: entry.op });
  e.apply(self.id, entry.key, entry.state, cause);
}

function sendEntries(e: Engine, self: ReplicaState, f: NodeId, fs: { next: number }): void {
  const upto = Math.min(self.log.length, fs.next + BATCH - 1);
  for (let i = fs.next; i <= upto; i++) {
    const en = self.log[i - 1]!;
    e.send(self.id, f, { kind: 'replicate', op: en.op, key: en.key, state: en.state, entry: en, leaderTerm: self.term });
  }
  if (upto + 1 > fs.next) fs.next = upto + 1;
}

/** Every so often a leader resends what a follower has not confirmed, and asks a follower it has not heard from where its log stands. */
export function onHeartbeat(e: Engine, node: NodeId): void {
  e.schedule(e.now + heartbeatMs(e), { type: 'heartbeat', node });
  const self = e.replica(node);
  if (!self.up || self.role !== 'leader') return;
  for (const f of e.ring) {
    if (f === node) continue;
    const fs = followerOf(self, f);
    if (!fs.confirmed) {
      const last = self.log[self.log.length - 1];
      e.send(node, f, { kind: 'heartbeat', term: self.term, length: self.log.length, lastTerm: last ? last.term : 0 });
    } else if (fs.matched < self.log.length && fs.matched === fs.seen) {
      // No progress since the last heartbeat: what was sent is lost or stuck; send it again.
      fs.next = fs.matched + 1;
      sendEntries(e, self, f, fs);
    }
    fs.seen = fs.matched;
  }
}

/** A replica hears of a term: a newer one makes it a follower (a leader steps down). */
function adoptTerm(e: Engine, self: ReplicaState, term: number): void {
  if (term <= self.term) return;
  self.term = term;
  self.early.clear();
  if (self.role !== 'leader') return;
  self.role = 'follower';
  e.trace.events.push({ at: e.now, type: 'step-down', node: self.id, term });
  for (const [op, req] of self.pending) {
    if (req.kind === 'write') reply(e, self.id, req.client, op, false, `${self.id} stepped down: a newer leader (term ${term}) was promoted`);
  }
  self.pending.clear();
  self.followers.clear();
}

/**
 * Remove the log from place `from` on, and put each key those entries touched back to
 * what the rest of the log makes it: the old leader's rollback (MongoDB's name for it).
 */
function truncate(e: Engine, self: ReplicaState, from: number): void {
  const removed = self.log.splice(from - 1);
  if (removed.length === 0) return;
  e.trace.log.push({ at: e.now, node: self.id, index: from, term: self.term, from: self.term, op: null });
  e.trace.events.push({ at: e.now, type: 'rollback', node: self.id, from, ops: removed.map((en) => en.op) });
  const s = e.strategy;
  for (const key of new Set(removed.map((en) => en.key))) {
    let state = s.empty();
    let held = false;
    for (const en of self.log) {
      if (en.key !== key) continue;
      state = s.merge(state, en.state);
      held = true;
    }
    if (held) {
      self.storage.set(key, state);
      self.durable.set(key, state);
    } else {
      self.storage.delete(key);
      self.durable.delete(key);
    }
    e.trace.changes.push(e.now, self.id, key, state, 'rollback');
  }
}

/**
 * Take an entry whose predecessor's place this replica has reached: false if its log
 * differs there (the leader must go further back). An entry in the same place with the
 * same term is the same entry, come twice; one with another term, and all after it, is
 * rolled back first.
 */
function accept(e: Engine, self: ReplicaState, entry: LogEntry, leaderTerm: number): boolean {
  const i = entry.index;
  if (i > 1 && self.log[i - 2]!.term !== entry.prevTerm) return false;
  const held = self.log[i - 1];
  if (held && held.term === entry.term) return true;
  if (held) truncate(e, self, i);
  append(e, self, entry, leaderTerm, 'replicate');
  return true;
}

function refuse(e: Engine, self: ReplicaState, to: NodeId, length: number): void {
  e.send(self.id, to, { kind: 'log-ack', term: self.term, length, ok: false });
}

/** A replica's handling of the leader protocol's messages between replicas. */
export function onLeaderMessage(e: Engine, node: NodeId, from: NodeId, body: MessageBody): void {
  const self = e.replica(node);
  switch (body.kind) {
    case 'replicate': {
      const { entry, leaderTerm } = body;
      if (!entry || leaderTerm === undefined) return;
      if (leaderTerm < self.term) return refuse(e, self, from, self.log.length);
      adoptTerm(e, self, leaderTerm);
      const i = entry.index;
      // Ahead of a gap: held until the entries before it arrive (or the leader sends them again).
      if (self.log.length < i - 1) {
        self.early.set(i, { entry, leaderTerm });
        return;
      }
      if (!accept(e, self, entry, leaderTerm)) return refuse(e, self, from, i - 2);
      let last = i;
      if (self.early.size > 0) {
        for (let held = self.early.get(self.log.length + 1); held !== undefined && held.leaderTerm === self.term; held = self.early.get(self.log.length + 1)) {
          self.early.delete(held.entry.index);
          if (!accept(e, self, held.entry, held.leaderTerm)) break;
          last = held.entry.index;
        }
        // Copies of entries it now holds, come twice: nothing will ask for them.
        for (const k of self.early.keys()) if (k <= self.log.length) self.early.delete(k);
      }
      e.send(node, from, { kind: 'log-ack', term: self.term, length: last, ok: true });
      return;
    }
    case 'heartbeat': {
      if (body.term < self.term) return refuse(e, self, from, self.log.length);
      adoptTerm(e, self, body.term);
      const L = body.length;
      if (self.log.length < L) return refuse(e, self, from, self.log.length);
      if (L > 0 && self.log[L - 1]!.term !== body.lastTerm) return refuse(e, self, from, L - 1);
      // Entries past the leader's log from an older term are ones the new leader never had.
      const next = self.log[L];
      if (next && next.term < body.term) truncate(e, self, L + 1);
      e.send(node, from, { kind: 'log-ack', term: self.term, length: L, ok: true });
      return;
    }
    case 'log-ack':
      onLogAck(e, self, from, body.term, body.length, body.ok);
      return;
    default:
      return;
  }
}

function onLogAck(e: Engine, self: ReplicaState, f: NodeId, term: number, length: number, ok: boolean): void {
  if (term > self.term) return adoptTerm(e, self, term);
  if (self.role !== 'leader' || term < self.term) return;
  const fs = followerOf(self, f);
  fs.confirmed = true;
  if (!ok) {
    // The follower's log agrees at most up to `length`: send from there.
    fs.next = Math.min(length, self.log.length) + 1;
    sendEntries(e, self, f, fs);
    return;
  }
  if (length <= fs.matched) return;
  fs.matched = length;
  if (fs.next <= length) fs.next = length + 1;
  for (const req of self.pending.values()) {
    if (req.kind !== 'write' || req.index === undefined || req.index > length || req.acks.includes(f)) continue;
    req.acks.push(f);
    if (req.acks.length - 1 < e.config.followerAcks) continue;
    self.pending.delete(req.op);
    e.op(req.op).quorum = req.acks.slice();
    reply(e, self.id, req.client, req.op, true, '');
  }
  if (fs.next <= self.log.length) sendEntries(e, self, f, fs);
}

/** Whether a replica is up and can exchange messages with enough others to make a majority with them. */
export function reachable(e: Engine, node: NodeId): boolean {
  if (!e.replica(node).up) return false;
  let others = 0;
  for (const p of e.ring) if (p !== node && e.replica(p).up && !e.isCut(node, p) && !e.isCut(p, node)) others++;
  return others >= Math.floor(e.ring.length / 2);
}

/**
 * The orchestrator's check. Once the leader has been unreachable for `failoverMs`, it
 * promotes the reachable follower whose log is longest (its last entry's term first), in
 * a new term. In this lab it sees every replica and link directly; Patroni learns the same
 * from heartbeats and a consensus store, GitHub's orchestrator by checking the leader and
 * asking its replicas.
 */
export function onOrchestratorCheck(e: Engine, d: Directory): void {
  e.schedule(e.now + orchestratorCheckMs(e), { type: 'orchestrator' });
  if (reachable(e, d.leader)) {
    d.suspectSince = null;
    return;
  }
  if (d.suspectSince === null) d.suspectSince = e.now;
  if (e.now - d.suspectSince < e.config.failoverMs) return;
  let best: ReplicaState | null = null;
  for (const id of e.ring) {
    if (id === d.leader || !reachable(e, id)) continue;
    const r = e.replica(id);
    if (best === null || logRank(r) > logRank(best)) best = r;
  }
  if (best === null) return;
  const old = d.leader;
  d.term = Math.max(d.term, ...e.ring.map((id) => e.replica(id).term)) + 1;
  d.leader = best.id;
  d.suspectSince = null;
  best.term = d.term;
  best.role = 'leader';
  best.followers.clear();
  best.early.clear();
  // Writes it was waiting on from an earlier time as leader: their acknowledgements would count towards the wrong term.
  for (const req of best.pending.values()) if (req.kind === 'write') reply(e, best.id, req.client, req.op, false, `${best.id} was promoted again in term ${d.term}: the write must be sent again`);
  best.pending.clear();
  e.trace.events.push({ at: e.now, type: 'promote', node: best.id, term: d.term, from: old });
  onHeartbeatNow(e, best);
}

function logRank(r: ReplicaState): number {
  const last = r.log[r.log.length - 1];
  return (last ? last.term : 0) * 1e9 + r.log.length;
}

/** A new leader tells every follower of its term at once, rather than at its next heartbeat. */
function onHeartbeatNow(e: Engine, self: ReplicaState): void {
  const last = self.log[self.log.length - 1];
  for (const f of e.ring) {
    if (f === self.id) continue;
    followerOf(self, f);
    e.send(self.id, f, { kind: 'heartbeat', term: self.term, length: self.log.length, lastTerm: last ? last.term : 0 });
  }
}
