import type { Engine } from '../engine.ts';
import type { NodeId } from '../ids.ts';
import type { MessageBody } from '../trace.ts';

/**
 * Anti-entropy: every so often a replica picks a random peer and the two exchange their
 * states for the keys they share (push, then pull what differs). Real stores compare
 * Merkle trees first to send only differing ranges; the messages and the outcome are the
 * same, so the lab sends states and says so.
 */
export function onAntiEntropyTimer(e: Engine, node: NodeId): void {
  e.schedule(e.now + e.config.antiEntropyMs, { type: 'anti-entropy', node });
  if (!e.replica(node).up) return;
  const peers = e.ring.filter((p) => p !== node);
  const peer = peers[e.rng.int(peers.length)];
  if (peer === undefined) return;
  e.send(node, peer, { kind: 'sync', states: sharedStates(e, node, peer) });
}

/** The states `node` holds for keys that `peer` also replicates. */
function sharedStates(e: Engine, node: NodeId, peer: NodeId): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, state] of e.replica(node).storage) {
    if (e.preferenceList(key).includes(peer)) out.set(key, state);
  }
  return out;
}

export function onSyncMessage(e: Engine, node: NodeId, from: NodeId, body: MessageBody): void {
  if (body.kind !== 'sync' && body.kind !== 'sync-reply') return;
  for (const [key, state] of body.states) e.apply(node, key, state, 'sync');
  if (body.kind === 'sync-reply') return;
  // Reply with what the sender lacks: our states that differ from what it sent.
  const reply = new Map<string, unknown>();
  for (const [key, state] of sharedStates(e, node, from)) {
    const theirs = body.states.get(key);
    if (theirs === undefined || !e.strategy.equals(theirs, state)) reply.set(key, state);
  }
  if (reply.size > 0) e.send(node, from, { kind: 'sync-reply', states: reply });
}
