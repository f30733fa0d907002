import type { Millis, NodeId, OpId } from './ids.ts';
import type { CausalTag, LogEntry } from './trace.ts';
import type { CausalContext } from './values/causalContext.ts';

/**
 * What one replica keeps. `storage` is what it serves; `durable` is what survives a crash
 * that loses memory. `counters` numbers this node's writes per key and is always durable,
 * so a recovered node never reuses a version it already gave out.
 */
export interface ReplicaState {
  readonly id: NodeId;
  up: boolean;
  skew: number;
  readonly storage: Map<string, unknown>;
  readonly durable: Map<string, unknown>;
  readonly counters: Map<string, number>;
  /** Writes held for other replicas while standing in for them: key → owner → state. */
  readonly hints: Map<string, Map<NodeId, unknown>>;
  /** Requests this node coordinates; volatile, lost in a crash. */
  readonly pending: Map<OpId, CoordinatorRequest>;
  /** Reads waiting until this replica has what their client has seen (version-based reads); volatile. */
  readonly parked: ParkedRead[];
  /** Updates waiting until this replica has applied what they depend on (causal delivery); volatile. */
  readonly heldBack: HeldUpdate[];
  /** Causal delivery by vector: how many writes of each coordinator this replica has applied, in order. */
  readonly applied: Map<NodeId, number>;
  /** Causal delivery by vector: how many writes this node has coordinated (never reused, like `counters`). */
  originSeq: number;
  /** Sweeping its parked reads and held-back updates just now (sessions.ts). */
  releasing: boolean;
  /** Causal delivery by vector: clients' writes waiting until this coordinator has applied their past, before it numbers them; volatile. */
  readonly parkedWrites: ParkedWrite[];
  /** Causal delivery: writes this node coordinated that some replica has not acknowledged, sent again until it does; kept through a crash, like a durable replication log. */
  readonly outstanding: Map<OpId, { readonly key: string; readonly state: unknown; readonly causal: CausalTag; readonly waiting: Set<NodeId> }>;
  /** Single-leader replication (protocols/leader.ts): this replica's role as it believes it, and the newest term it has heard of. */
  role: 'leader' | 'follower';
  term: number;
  /** Single-leader: the replicated log, entry i at place i + 1; kept through a crash, like a write-ahead log. */
  readonly log: LogEntry[];
  /** Single-leader, on the leader: how far each follower has got; volatile. */
  readonly followers: Map<NodeId, FollowerProgress>;
  /**
   * Single-leader, on a follower: entries that arrived before the one ahead of them, held
   * until the gap fills (a replication stream runs over TCP, which delivers in order); volatile.
   */
  readonly early: Map<number, EarlyEntry>;
  /** Multi-leader: what this replica has sent each other replica and not seen acknowledged; kept through a crash, like a binary log. */
  readonly outbox: Map<NodeId, Map<OpId, { readonly key: string; readonly state: unknown; at: number }>>;
}

export interface FollowerProgress {
  /** The next place in the log to send it. */
  next: number;
  /** The longest prefix of the log it has confirmed holding. */
  matched: number;
  /** Whether it has answered in this term. */
  confirmed: boolean;
  /** `matched` at the last heartbeat: no progress since means what was sent needs sending again. */
  seen: number;
}

export interface EarlyEntry {
  readonly entry: LogEntry;
  /** The term of the leader that sent it. */
  readonly leaderTerm: number;
}


export interface ParkedRead {
  readonly op: OpId;
  readonly key: string;
  /** The coordinator to answer (this node itself, for its own share of a read). */
  readonly to: NodeId;
  readonly floor: unknown;
  /** Its record in the trace's waits. */
  readonly wait: number;
}

export interface ParkedWrite {
  readonly client: NodeId;
  readonly op: OpId;
  readonly key: string;
  readonly value: string;
  readonly context: CausalContext | null;
  readonly past: CausalTag;
  readonly wait: number;
}

export interface HeldUpdate {
  readonly op: OpId;
  readonly key: string;
  readonly state: unknown;
  readonly causal: CausalTag;
  /** Who to acknowledge: the coordinator (this node itself when it coordinates the write). */
  readonly ackTo: NodeId;
  readonly wait: number;
}

export type CoordinatorRequest =
  | {
      readonly kind: 'write';
      readonly op: OpId;
      readonly client: NodeId;
      readonly key: string;
      readonly acks: NodeId[];
      readonly context: unknown;
      /** The state sent to replicas, kept to send on to stand-ins. */
      readonly delta: unknown;
      /** Each stand-in asked, and the home replica it stands in for (null until a sloppy quorum asks one). */
      standIns: Map<NodeId, NodeId> | null;
      /** Single-leader: the write's place in the leader's log. */
      readonly index?: number;
    }
  | {
      readonly kind: 'read';
      readonly op: OpId;
      readonly client: NodeId;
      readonly key: string;
      /** What the client must see (version-based reads); undefined without. */
      readonly floor: unknown;
      /** Under 'vector' causal delivery: what each replica that answered had applied (set by sim/sessions/). */
      vector: Map<NodeId, number> | null;
      /** Who has answered, and what each said, in order of arrival. */
      readonly from: NodeId[];
      readonly states: unknown[];
      /** The merged state sent to the client, once R responses are in. */
      merged: unknown;
      /** With write-back: the value to return, and the home replicas known to hold it; null when not writing back. */
      writeBack: { readonly value: unknown; readonly holders: Set<NodeId> } | null;
      /** The client has been answered. */
      answered: boolean;
      expected: number;
      standIns: Map<NodeId, NodeId> | null;
    };

export function createReplica(id: NodeId, skew: number): ReplicaState {
  return {
    id,
    up: true,
    skew,
    storage: new Map(),
    durable: new Map(),
    counters: new Map(),
    hints: new Map(),
    pending: new Map(),
    parked: [],
    heldBack: [],
    applied: new Map(),
    originSeq: 0,
    releasing: false,
    outstanding: new Map(),
    parkedWrites: [],
    role: 'follower',
    term: 0,
    log: [],
    followers: new Map(),
    early: new Map(),
    outbox: new Map(),
  };
}

/** The node's clock: virtual time plus its skew. Used wherever a physical timestamp is. */
export function clockOf(replica: ReplicaState, now: Millis): number {
  return now + replica.skew;
}

/** The next write counter for a key on this node. */
export function nextCounter(replica: ReplicaState, key: string): number {
  const next = (replica.counters.get(key) ?? 0) + 1;
  replica.counters.set(key, next);
  return next;
}

/**
 * Crash the node: it stops, forgets the requests it was coordinating (and the reads and
 * updates it was holding back: the caller closes their waits) and, if
 * `loseUndurable`, every write not yet made durable. Returns the keys whose state changed.
 */
export function crash(replica: ReplicaState, loseUndurable: boolean): string[] {
  replica.up = false;
  replica.pending.clear();
  replica.parked.length = 0;
  replica.heldBack.length = 0;
  replica.parkedWrites.length = 0;
  replica.followers.clear();
  replica.early.clear();
  if (!loseUndurable) return [];
  const changed: string[] = [];
  for (const [key, state] of replica.storage) {
    const kept = replica.durable.get(key);
    if (kept !== state) {
      changed.push(key);
      if (kept === undefined) replica.storage.delete(key);
      else replica.storage.set(key, kept);
    }
  }
  return changed;
}

/** FNV-1a, for placing keys on the ring. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The N replicas that hold a key: the one the key hashes to, then the next ones round
 * the ring (Dynamo's preference list, without virtual nodes).
 *
 * @example preferenceList('x', ['A','B','C','D'], 3) // three consecutive replicas
 */
export function preferenceList(key: string, ring: readonly NodeId[], n: number): NodeId[] {
  const start = hashKey(key) % ring.length;
  const out: NodeId[] = [];
  for (let i = 0; i < n; i++) out.push(ring[(start + i) % ring.length]!);
  return out;
}
