import type { Engine } from './engine.ts';
import { leader } from './leaderHooks.ts';
import type { NodeId, OpId } from './ids.ts';
import type { Action } from './scenario.ts';
import { sessions, type ClientSession } from './sessionHooks.ts';
import type { MessageBody, OpRecord } from './trace.ts';
import { EMPTY_CONTEXT, union, type CausalContext } from './values/causalContext.ts';

/** The quorum of an operation not answered yet: one shared empty list, not one per operation. */
const NO_NODES: readonly NodeId[] = Object.freeze([]);

/** A client waits this many coordinator timeouts before giving up on an answer. */
const CLIENT_PATIENCE = 2;

/**
 * The clients' side of the simulation: each operation from its action to its answer (or
 * its deadline), and each client's session, which is what its next write supersedes
 * (siblings) and what the session fixes carry (sim/sessions/). A sticky client's failover
 * sends a request again through `retry`.
 */
export class Clients {
  private readonly sessions = new Map<NodeId, ClientSession>();
  /** Operations a sticky client has sent again after a failover: only the newest deadline counts. */
  private readonly attempts = new Map<OpId, number>();
  /** A sticky client's blind writes, to send blind again after a failover. */
  private readonly blind = new Set<OpId>();
  /**
   * Single-leader: the leader each client last looked up. A client keeps sending to it
   * until a request fails or times out, then asks the orchestrator again, as a connection
   * pool does: which is how an old leader cut off from the rest still takes writes.
   */
  private readonly leaderOf = new Map<NodeId, NodeId>();

  constructor(
    private readonly e: Engine,
    private readonly ids: readonly NodeId[],
  ) {
    const clients = ids;
    for (const id of clients) this.sessions.set(id, { contexts: new Map(), home: null, wrote: new Map(), read: new Map(), vector: new Map() });
  }

  sessionOf(client: NodeId): ClientSession {
    return this.sessions.get(client)!;
  }

  hasRetried(op: OpId): boolean {
    return this.attempts.has(op);
  }

  /** A sticky client's failover: the request again, to another replica, with a fresh deadline. */
  retry(op: OpRecord, to: NodeId): void {
    this.attempts.set(op.id, 1);
    this.e.schedule(this.e.now + CLIENT_PATIENCE * this.e.config.timeoutMs, { type: 'client-timeout', op: op.id, attempt: 1 });
    this.request(op, to, this.blind.has(op.id));
  }

  /** A client's deadline: the operation times out, unless a failover gave it a newer one. */
  onTimeout(id: OpId, attempt: number): void {
    // Most operations are long answered by their deadline: no words are made for them.
    if (this.e.op(id).outcome !== 'pending' || attempt !== (this.attempts.get(id) ?? 0)) return;
    this.complete(id, 'timeout', `no answer within ${CLIENT_PATIENCE * this.e.config.timeoutMs} ms`);
  }

  invoke(a: Extract<Action, { type: 'write' | 'read' }>): void {
    const e = this.e;
    const id = e.trace.ops.length as OpId;
    const client = a.client as NodeId;
    const value = a.type === 'write' ? a.value : null;
    // A key with a home replica is served there; otherwise a sticky client keeps to the
    // replica it first used, whichever the action names.
    let coordinator = a.coordinator as NodeId;
    const homed = e.config.homeKeys.includes(a.key);
    if (e.config.topology !== 'leaderless') {
      coordinator = leader().route(e, e.directory, this.ids.indexOf(client), a.type === 'write', coordinator, this.leaderOf.get(client) ?? null);
      // One leader: the client keeps sending to the leader it looked up until a request fails.
      if (e.directory && (a.type === 'write' || !e.config.followerReads)) this.leaderOf.set(client, coordinator);
    } else if (homed) coordinator = e.config.home;
    else if (e.config.sticky) {
      const session = this.sessions.get(client)!;
      coordinator = session.home ??= coordinator;
      if (a.type === 'write' && a.blind === true) this.blind.add(id);
    }
    e.trace.ops.push({
      id,
      kind: a.type,
      client,
      coordinator,
      key: a.key,
      value,
      invokedAt: e.now,
      completedAt: null,
      outcome: 'pending',
      reason: '',
      version: null,
      state: null,
      result: null,
      quorum: NO_NODES,
    });
    e.schedule(e.now + CLIENT_PATIENCE * e.config.timeoutMs, { type: 'client-timeout', op: id });
    if (e.config.sticky && !homed) e.schedule(e.now + e.config.timeoutMs, { type: 'failover', op: id });
    this.request(e.trace.ops[id]!, coordinator, a.type === 'write' && a.blind === true);
  }

  /** A reply reaches its client: the operation completes, and the session learns from it. */
  onReceive(client: NodeId, body: MessageBody): void {
    const e = this.e;
    const session = this.sessions.get(client)!;
    if (body.kind === 'write-reply') {
      if (!this.complete(body.op, body.ok ? 'ok' : 'fail', body.reason)) return;
      if (!body.ok) return;
      if (body.context) this.remember(client, body.key, body.context);
      if (this.tracksSession) sessions().remember(e, session, body.key, { state: e.strategy.versionState?.(e.op(body.op).version), tag: body.tag }, null);
    } else if (body.kind === 'read-reply') {
      if (!this.complete(body.op, body.ok ? 'ok' : 'fail', body.reason)) return;
      if (!body.ok) return;
      const op = e.op(body.op);
      op.state = body.state;
      op.result = e.strategy.values(body.state);
      const ctx = e.strategy.context(body.state);
      if (ctx) this.remember(client, body.key, ctx);
      if (this.tracksSession) sessions().remember(e, session, body.key, null, { state: body.state, vector: body.vector });
    }
  }

  /** Whether a fix reads the session's tokens: otherwise they are not kept. */
  private get tracksSession(): boolean {
    return this.e.config.sessionReads !== 'off' || this.e.config.causalDelivery !== 'off';
  }

  private remember(client: NodeId, key: string, ctx: CausalContext): void {
    const session = this.sessions.get(client)!;
    session.contexts.set(key, union(session.contexts.get(key) ?? EMPTY_CONTEXT, ctx));
  }

  /** Finish a pending operation. False if it had already finished. */
  private complete(id: OpId, outcome: OpRecord['outcome'], reason: string): boolean {
    const op = this.e.op(id);
    if (op.outcome !== 'pending') return false;
    if (outcome !== 'ok') this.leaderOf.delete(op.client);
    op.outcome = outcome;
    op.reason = reason;
    op.completedAt = this.e.now;
    return true;
  }

  /** Send an operation's request to a replica, with what the session fixes add to it. */
  private request(op: OpRecord, to: NodeId, blind: boolean): void {
    const e = this.e;
    const session = this.sessions.get(op.client)!;
    if (op.kind === 'write') {
      const context = blind ? null : (session.contexts.get(op.key) ?? null);
      const causal = this.tracksSession ? sessions().past(e, session) : undefined;
      e.send(op.client, to, causal ? { kind: 'client-write', op: op.id, key: op.key, value: op.value!, context, causal } : { kind: 'client-write', op: op.id, key: op.key, value: op.value!, context });
    } else {
      const floor = e.config.sessionReads === 'off' ? undefined : sessions().floor(e, session, op.key);
      e.send(op.client, to, floor === undefined ? { kind: 'client-read', op: op.id, key: op.key } : { kind: 'client-read', op: op.id, key: op.key, floor });
    }
  }
}
