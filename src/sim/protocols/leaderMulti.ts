import type { Engine } from '../engine.ts';
import type { NodeId, OpId } from '../ids.ts';
import { clockOf, nextCounter, type ReplicaState } from '../replica.ts';
import type { MessageBody } from '../trace.ts';
import type { CausalContext } from '../values/causalContext.ts';
import { heartbeatMs } from './leader.ts';
import { regions } from './regions.ts';

/**
 * Multi-leader replication across two regions, as MySQL's or PostgreSQL's bidirectional
 * setups and CouchDB-style replication do in outline:
 * - The ring splits in two regions (regions.ts); each region's first replica is its leader.
 * - A client belongs to a region (c1 the first, c2 the second, c3 the first…) and sends
 *   every request to its region's leader, which answers at once (asynchronous within the
 *   region too) and sends the write to its followers and to the other region's leader.
 * - A leader that receives the other region's write applies it, merging by the run's
 *   value strategy, and passes it on to its own followers. Two writes made in both regions
 *   before either heard of the other are a conflict: last write wins keeps one, siblings
 *   keep both, an OR-Set keeps every add.
 * - Each replica keeps what it has sent and not yet seen acknowledged (its outbox, kept
 *   through a crash like a binary log) and sends it again every heartbeat, so a region cut
 *   off catches up once the link heals.
 * In this lab the leaders are fixed: there is no failover within a region.
 */

function regionOf(e: Engine, node: NodeId): NodeId[] {
  return regions(e.ring).find((r) => r.includes(node))!;
}

export function startMulti(e: Engine): void {
  for (const r of regions(e.ring)) e.schedule(heartbeatMs(e), { type: 'heartbeat', node: r[0]! });
  for (const id of e.ring) e.replica(id).role = regions(e.ring).some((r) => r[0] === id) ? 'leader' : 'follower';
}

function outbox(self: ReplicaState, to: NodeId): Map<OpId, { readonly key: string; readonly state: unknown; at: number }> {
  let box = self.outbox.get(to);
  if (!box) self.outbox.set(to, (box = new Map()));
  return box;
}

function ship(e: Engine, self: ReplicaState, to: NodeId, op: OpId, key: string, state: unknown): void {
  outbox(self, to).set(op, { key, state, at: e.now });
  e.send(self.id, to, { kind: 'replicate', op, key, state });
}

/** A client's write at its region's leader: applied, answered, and sent on to the followers and the other leader. */
export function multiWrite(e: Engine, node: NodeId, client: NodeId, op: OpId, key: string, value: string, context: CausalContext | null): void {
  const self = e.replica(node);
  if (self.role !== 'leader') {
    e.send(node, client, { kind: 'write-reply', op, key, ok: false, reason: `${node} is a follower: writes go to its region’s leader`, context: null });
    return;
  }
  const { version, delta, context: after } = e.strategy.create(self.storage.get(key) ?? e.strategy.empty(), value, { node, clock: clockOf(self, e.now), counter: nextCounter(self, key), context, op });
  e.op(op).version = version;
  e.apply(node, key, delta, 'write');
  e.op(op).quorum = [node];
  e.send(node, client, { kind: 'write-reply', op, key, ok: true, reason: '', context: after });
  for (const id of e.ring) if (id !== node && (regionOf(e, node).includes(id) || e.replica(id).role === 'leader')) ship(e, self, id, op, key, delta);
}

/** A read, answered by the region's leader from its own copy. */
export function multiRead(e: Engine, node: NodeId, client: NodeId, op: OpId, key: string): void {
  e.op(op).quorum = [node];
  e.send(node, client, { kind: 'read-reply', op, key, ok: true, reason: '', state: e.replica(node).storage.get(key) ?? e.strategy.empty() });
}

export function multiMessage(e: Engine, node: NodeId, from: NodeId, body: MessageBody): void {
  const self = e.replica(node);
  if (body.kind === 'replicate') {
    e.apply(node, body.key, body.state, 'replicate');
    e.send(node, from, { kind: 'replicate-ack', op: body.op, key: body.key });
    // The other region's write: a leader passes it on to its own followers.
    if (self.role === 'leader' && !regionOf(e, node).includes(from)) {
      for (const id of regionOf(e, node)) if (id !== node) ship(e, self, id, body.op, body.key, body.state);
    }
  } else if (body.kind === 'replicate-ack') {
    self.outbox.get(from)?.delete(body.op);
  }
}

/** What a leader sent a heartbeat or more ago and has not seen acknowledged goes again, a few at a time. */
export function multiHeartbeat(e: Engine, node: NodeId): void {
  e.schedule(e.now + heartbeatMs(e), { type: 'heartbeat', node });
  const self = e.replica(node);
  if (!self.up) return;
  for (const [to, box] of self.outbox) {
    let sent = 0;
    for (const [op, entry] of box) {
      if (e.now - entry.at < heartbeatMs(e)) continue;
      if (sent++ >= 16) break;
      entry.at = e.now;
      e.send(node, to, { kind: 'replicate', op, key: entry.key, state: entry.state });
    }
  }
}
