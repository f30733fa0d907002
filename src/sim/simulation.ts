import type { Directory, Engine, ProtocolConfig, SimEvent, TimerEvent } from './engine.ts';
import { replicaIds, type Millis, type NodeId, type OpId } from './ids.ts';
import { Network } from './network.ts';
import { onAntiEntropyTimer, onSyncMessage } from './protocols/antiEntropy.ts';
import { leader } from './leaderHooks.ts';
import { coordinateRead, coordinateWrite, onCoordinatorTimeout, onHandoffTimer, onReplicaMessage, onSloppyCheck } from './protocols/leaderless.ts';
import { sessions, type ClientSession } from './sessionHooks.ts';
import { Clients } from './clients.ts';
import { EventQueue } from './queue.ts';
import { crash, createReplica, preferenceList, type ReplicaState } from './replica.ts';
import { createRng, type Rng } from './rng.ts';
import { DEFAULT_CLUSTER, type Action, type Scenario } from './scenario.ts';
import { emptyTrace, type MessageBody, type OpRecord, type StorageChange, type Trace } from './trace.ts';
import { findStrategy } from './values/index.ts';
import type { ValueStrategy } from './values/types.ts';




/**
 * A deterministic discrete-event simulation of a replicated key-value store.
 * Same scenario, same trace: the only randomness is the seeded rng, and simultaneous
 * events run in the order they were scheduled.
 *
 * @example
 * const sim = new Simulation(makeScenario({ script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }));
 * sim.runUntil(ms(2000));
 * sim.trace.ops[0].outcome; // 'ok'
 */
export class Simulation implements Engine {
  readonly trace: Trace;
  readonly rng: Rng;
  readonly strategy: ValueStrategy<unknown, unknown>;
  readonly config: ProtocolConfig;
  readonly ring: readonly NodeId[];
  readonly clients: readonly NodeId[];
  /** Single-leader: the orchestrator's decision; undefined in a leaderless run. */
  readonly directory: Directory | undefined;
  private readonly network: Network;
  private readonly replicas = new Map<NodeId, ReplicaState>();
  /** The clients' side: their operations, sessions and deadlines (clients.ts). */
  private readonly clientSide: Clients;
  private readonly queue = new EventQueue<SimEvent>();
  private readonly script: readonly Action[];
  private readonly prefCache = new Map<string, NodeId[]>();
  private clock = 0 as Millis;
  private eventCount = 0;
  /** The next action of the script to perform. */
  private nextAction = 0;

  constructor(readonly scenario: Scenario) {
    // Defaults for settings a scenario written before them lacks (a frozen test run, an old file that skipped the schema).
    const c = { ...DEFAULT_CLUSTER, ...scenario.cluster };
    this.rng = createRng(scenario.seed);
    const strategy = findStrategy(c.strategy);
    // validateScenario refuses an id that is not registered; this is for code that skips it.
    if (!strategy) throw new RangeError(`unknown value strategy "${c.strategy}"`);
    this.strategy = strategy;
    this.config = {
      n: c.n,
      w: c.w,
      r: c.r,
      timeoutMs: c.timeoutMs,
      readRepair: c.readRepair,
      readWriteBack: c.readWriteBack,
      antiEntropyMs: c.antiEntropyMs,
      sloppyQuorum: c.sloppyQuorum,
      hintedHandoffMs: c.hintedHandoffMs,
      sticky: c.sticky,
      sessionReads: c.sessionReads,
      syncKeys: c.syncKeys,
      causalDelivery: c.causalDelivery,
      homeKeys: c.homeKeys,
      home: c.home as NodeId,
      topology: c.topology,
      followerAcks: c.followerAcks,
      followerReads: c.followerReads,
      failoverMs: c.failoverMs,
    };
    // Fail now, saying what to import, rather than at the first read or write that needs it.
    if (c.sticky || c.sessionReads !== 'off' || c.causalDelivery !== 'off') sessions();
    this.ring = replicaIds(c.replicas);
    this.clients = c.clients as NodeId[];
    this.trace = emptyTrace([...this.ring, ...this.clients]);
    for (const id of this.ring) {
      const skew = c.skew[id] ?? 0;
      this.replicas.set(id, createReplica(id, skew));
      if (skew !== 0) this.trace.events.push({ at: 0 as Millis, type: 'skew', node: id, ms: skew });
    }
    this.clientSide = new Clients(this, this.clients);
    this.network = new Network(scenario.network, this.rng, this.trace.messages);
    // Stable sort: actions at the same moment keep their script order.
    this.script = scenario.script.map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]).map(([a]) => a);
    // The script is not queued: it is read in order beside the queue (see `step`).
    this.directory = c.topology === 'single-leader' ? { leader: this.ring[0]!, term: 1, suspectSince: null } : undefined;
    // A leader's log is how its followers catch up: no anti-entropy beside it.
    if (c.topology !== 'leaderless') leader().start(this, this.directory);
    else if (c.antiEntropyMs > 0) {
      for (const id of this.ring) this.queue.push(this.rng.next() * c.antiEntropyMs, { type: 'anti-entropy', node: id });
    }
    if (c.sloppyQuorum && c.hintedHandoffMs > 0) {
      for (const id of this.ring) this.queue.push(this.rng.next() * c.hintedHandoffMs, { type: 'handoff', node: id });
    }
  }

  get now(): Millis {
    return this.clock;
  }

  /** Events processed so far. */
  get events(): number {
    return this.eventCount;
  }

  /** The time of the next event, or Infinity when nothing is left to happen. */
  nextEventTime(): number {
    const queued = this.queue.peekTime();
    const action = this.nextAction < this.script.length ? this.script[this.nextAction]!.at : Infinity;
    return action < queued ? action : queued;
  }

  /**
   * Process every event up to and including time `t`; the clock then reads `t`. With
   * `maxEvents`, stop after that many (a slice of a long run, so the page keeps answering):
   * returns whether every event up to `t` has been processed.
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    let left = maxEvents;
    // step() inlined: this loop runs for every event of a run.
    const script = this.script;
    const queue = this.queue;
    for (;;) {
      const queued = queue.peekTime();
      const action = this.nextAction < script.length ? script[this.nextAction]!.at : Infinity;
      if ((action <= queued ? action : queued) > t) break;
      if (left-- <= 0) return false;
      this.eventCount++;
      if (action <= queued) {
        // The script's actions run before anything queued for the same moment (see step).
        this.clock = action as Millis;
        this.perform(script[this.nextAction++]!);
      } else {
        const event = queue.pop()!;
        this.clock = queue.lastTime as Millis;
        this.dispatch(event);
      }
    }
    if (t > this.clock) this.clock = t as Millis;
    return true;
  }

  /** Whether everything that happens at or before `t` has been simulated. */
  doneUntil(t: number): boolean {
    return this.nextEventTime() > t;
  }

  /** Process the next event. Returns its time, or null when nothing is left. */
  step(): number | null {
    // The script's actions run before anything queued for the same moment: as if queued
    // first, which they were when the script was put in the queue (golden traces hold this).
    if (this.nextAction < this.script.length && this.script[this.nextAction]!.at <= this.queue.peekTime()) {
      const action = this.script[this.nextAction++]!;
      this.clock = action.at as Millis;
      this.eventCount++;
      this.perform(action);
      return this.clock;
    }
    const event = this.queue.pop();
    if (event === undefined) return null;
    this.clock = this.queue.lastTime as Millis;
    this.eventCount++;
    this.dispatch(event);
    return this.clock;
  }

  replica(id: NodeId): ReplicaState {
    const r = this.replicas.get(id);
    if (!r) throw new Error(`no replica ${id}`);
    return r;
  }

  isCut(from: NodeId, to: NodeId): boolean {
    return this.network.isCut(from, to);
  }

  preferenceList(key: string): NodeId[] {
    let list = this.prefCache.get(key);
    if (!list) this.prefCache.set(key, (list = preferenceList(key, this.ring, this.config.n)));
    return list;
  }

  send(from: NodeId, to: NodeId, body: MessageBody): void {
    const id = this.network.send(this.clock, from, to, body);
    // The body travels with its delivery and is dropped once it lands: the log keeps what the view needs.
    if (id !== -1) this.queue.push(this.trace.messages.deliverAt(id), { type: 'deliver', id, body });
  }

  schedule(at: number, event: TimerEvent): void {
    this.queue.push(at, event);
  }

  apply(node: NodeId, key: string, delta: unknown, cause: StorageChange['cause']): void {
    const r = this.replica(node);
    const s = this.strategy;
    const current = r.storage.get(key) ?? s.empty();
    const next = s.merge(current, delta);
    if (r.storage.has(key) && s.equals(next, current)) return;
    r.storage.set(key, next);
    this.trace.changes.push(this.clock, node, key, next, cause);
    if (this.scenario.cluster.durabilityMs > 0) this.queue.push(this.clock + this.scenario.cluster.durabilityMs, { type: 'flush', node, key });
    else r.durable.set(key, next);
    if (r.parked.length > 0 || r.heldBack.length > 0 || r.parkedWrites.length > 0) sessions().afterApply(this, node);
  }

  hint(node: NodeId, key: string, owner: NodeId, state: unknown): void {
    const r = this.replica(node);
    let byOwner = r.hints.get(key);
    if (state === undefined) {
      if (!byOwner?.delete(owner)) return;
      if (byOwner.size === 0) r.hints.delete(key);
      this.trace.hints.push({ at: this.clock, node, key, owner, state: null });
      return;
    }
    if (!byOwner) r.hints.set(key, (byOwner = new Map()));
    const held = byOwner.get(owner);
    const next = held === undefined ? state : this.strategy.merge(held, state);
    if (held !== undefined && this.strategy.equals(next, held)) return;
    byOwner.set(owner, next);
    this.trace.hints.push({ at: this.clock, node, key, owner, state: next });
  }

  op(id: OpId): OpRecord {
    const op = this.trace.ops[id];
    if (!op) throw new Error(`no operation ${id}`);
    return op;
  }

  /** A client's session as it stands (the tests read its tokens). */
  sessionOf(client: NodeId): ClientSession {
    return this.clientSide.sessionOf(client);
  }

  private dispatch(ev: SimEvent): void {
    if (ev.type === 'deliver') {
      const log = this.trace.messages;
      const to = log.to(ev.id);
      const replica = this.replicas.get(to);
      if (!log.arrive(ev.id, replica ? replica.up : true)) return;
      if (replica) this.onReplicaReceive(to, log.from(ev.id), ev.body);
      else this.clientSide.onReceive(to, ev.body);
      return;
    }
    switch (ev.type) {
      case 'coordinator-timeout':
        if (!this.replica(ev.node).up) return;
        if (this.config.topology !== 'leaderless') leader().timer(this, this.directory, ev);
        else onCoordinatorTimeout(this, ev.node, ev.op);
        return;
      case 'client-timeout':
        this.clientSide.onTimeout(ev.op, ev.attempt ?? 0);
        return;
      case 'failover':
        sessions().failover(this, this.clientSide, ev.op);
        return;
      case 'resend':
        sessions().onResend(this, ev.node, ev.op);
        return;
      case 'unpark':
        if (this.replica(ev.node).up) sessions().onUnpark(this, ev.node, ev.op);
        return;
      case 'flush': {
        const r = this.replica(ev.node);
        const state = r.storage.get(ev.key);
        if (state !== undefined) r.durable.set(ev.key, state);
        return;
      }
      case 'anti-entropy':
        onAntiEntropyTimer(this, ev.node);
        return;
      case 'sloppy-check':
        if (this.replica(ev.node).up) onSloppyCheck(this, ev.node, ev.op);
        return;
      case 'handoff':
        onHandoffTimer(this, ev.node);
        return;
      case 'heartbeat':
      case 'orchestrator':
        leader().timer(this, this.directory, ev);
        return;
    }
  }

  private onReplicaReceive(node: NodeId, from: NodeId, body: MessageBody): void {
    if (this.config.topology !== 'leaderless') return leader().receive(this, this.directory, node, from, body);
    if (body.kind === 'client-write') coordinateWrite(this, node, from, body.op, body.key, body.value, body.context, body.causal);
    else if (body.kind === 'client-read') coordinateRead(this, node, from, body.op, body.key, body.floor);
    else if (body.kind === 'sync' || body.kind === 'sync-reply') onSyncMessage(this, node, from, body);
    else onReplicaMessage(this, node, from, body);
  }

  private perform(a: Action): void {
    switch (a.type) {
      case 'write':
      case 'read':
        this.clientSide.invoke(a);
        return;
      case 'cut':
      case 'heal':
        this.setLink(a.from as NodeId, a.to as NodeId, a.type === 'cut');
        if (!a.oneWay) this.setLink(a.to as NodeId, a.from as NodeId, a.type === 'cut');
        return;
      case 'partition':
        // Clients never talk to each other, so only links with a replica at one end are cut.
        a.groups.forEach((g, i) =>
          a.groups.forEach((h, j) => {
            if (i === j) return;
            for (const x of g) for (const y of h) if (this.replicas.has(x as NodeId) || this.replicas.has(y as NodeId)) this.setLink(x as NodeId, y as NodeId, true);
          }),
        );
        return;
      case 'heal-all':
        for (const [from, to] of this.network.cutLinks()) this.setLink(from, to, false);
        return;
      case 'crash': {
        const node = a.node as NodeId;
        const r = this.replica(node);
        if (!r.up) return;
        if (r.parked.length > 0 || r.heldBack.length > 0 || r.parkedWrites.length > 0) sessions().dropHeld(this, node);
        for (const key of crash(r, a.loseUndurable === true)) {
          this.trace.changes.push(this.clock, node, key, r.storage.get(key) ?? this.strategy.empty(), 'crash-loss');
        }
        this.trace.events.push({ at: this.clock, type: 'crash', node, lostUndurable: a.loseUndurable === true });
        return;
      }
      case 'recover': {
        const r = this.replica(a.node as NodeId);
        if (r.up) return;
        r.up = true;
        this.trace.events.push({ at: this.clock, type: 'recover', node: r.id });
        return;
      }
      case 'set-skew':
        this.replica(a.node as NodeId).skew = a.ms;
        this.trace.events.push({ at: this.clock, type: 'skew', node: a.node as NodeId, ms: a.ms });
        return;
      case 'set-quorum':
        this.config.w = a.w ?? this.config.w;
        this.config.r = a.r ?? this.config.r;
        this.trace.events.push({ at: this.clock, type: 'quorum', w: this.config.w, r: this.config.r });
        return;
      case 'set-network':
        this.network.setDefaults(a.latency, a.loss);
        if (a.loss !== undefined) this.trace.events.push({ at: this.clock, type: 'network', loss: a.loss });
        return;
    }
  }

  private setLink(from: NodeId, to: NodeId, cut: boolean): void {
    const changed = cut ? this.network.cutLink(from, to, this.clock) : this.network.healLink(from, to);
    if (changed) this.trace.events.push({ at: this.clock, type: 'link', from, to, cut });
  }


}
