import type { MessageId, Millis, NodeId, OpId } from './ids.ts';
import { ChangeLog } from './changeLog.ts';
import { MessageLog } from './messageLog.ts';
import type { CausalContext } from './values/causalContext.ts';

/**
 * Everything a run did, as plain data: each message with its fate, each fault, each
 * change to a replica's storage, and each client operation. The view reads only this.
 */
export interface Trace {
  /** In columns (messageLog.ts): a million messages make no million objects. */
  readonly messages: MessageLog;
  readonly events: TraceEvent[];
  /** In columns too (changeLog.ts). */
  readonly changes: ChangeLog;
  readonly ops: OpRecord[];
  /** Hints parked on stand-ins and handed back (state null: the hint was dropped). */
  readonly hints: HintChange[];
  /**
   * Requests a replica holds back (client sessions): a read waiting until the replica has
   * what its client has already seen, or an update waiting until the replica has applied
   * what it depends on (causal delivery).
   */
  readonly waits: WaitRecord[];
  /**
   * Single-leader replication: every entry appended to a replica's log, and every
   * truncation (op null: the log was cut back to hold only entries before `index`).
   */
  readonly log: LogRecord[];
}

export interface LogRecord {
  readonly at: Millis;
  readonly node: NodeId;
  /** The entry's place in the log, from 1; for a truncation, the first place removed. */
  readonly index: number;
  readonly term: number;
  /** The term of the leader the entry came from (the leader's own term for its own write). */
  readonly from: number;
  readonly op: OpId | null;
}

/**
 * One entry of a single-leader log: made once by the leader, and the same object travels
 * in every message that carries it and sits in every log that holds it (it never changes).
 */
export interface LogEntry {
  /** The term of the leader that wrote it. */
  readonly term: number;
  /** Its place in the log, from 1. */
  readonly index: number;
  /** The term of the entry before it (0 for the first): a follower whose entry there differs refuses it. */
  readonly prevTerm: number;
  readonly op: OpId;
  readonly key: string;
  readonly state: unknown;
  /** The clock reading the leader stamped it with: never below the entry before it. */
  readonly stamp: number;
}

export interface WaitRecord {
  /** The replica holding it. */
  readonly node: NodeId;
  /** A read that waits for its client's session, or an update that waits for its dependencies. */
  readonly kind: 'read' | 'update';
  readonly op: OpId;
  readonly key: string;
  readonly from: Millis;
  /** When it stopped waiting (null: still waiting when the run was last stepped). */
  until: Millis | null;
  /** How it ended: answered or applied, given up after the timeout, or lost in a crash. */
  end: 'done' | 'expired' | 'crash' | null;
}

/**
 * What a write depends on under causal delivery, as it travels: the latest version of each
 * key its client had seen ('deps'), or its coordinator and place in that coordinator's
 * writes with the version vector of its client's past ('vector').
 */
export type CausalTag =
  | { readonly kind: 'deps'; readonly deps: ReadonlyMap<string, unknown> }
  | { readonly kind: 'vector'; readonly origin: NodeId; readonly seq: number; readonly vector: ReadonlyMap<NodeId, number> };

export interface HintChange {
  readonly at: Millis;
  /** The stand-in holding the hint. */
  readonly node: NodeId;
  readonly key: string;
  /** The replica the write was meant for. */
  readonly owner: NodeId;
  readonly state: unknown;
}

export type MessageKind =
  | 'client-write'
  | 'client-read'
  | 'write-reply'
  | 'read-reply'
  | 'replicate'
  | 'replicate-ack'
  | 'read-req'
  | 'read-resp'
  | 'repair'
  | 'sync'
  | 'sync-reply'
  | 'handoff'
  | 'handoff-ack'
  | 'write-back'
  | 'write-back-ack'
  | 'heartbeat'
  | 'log-ack';

/** What became of a message. `in-flight` only while the run has not reached its end. */
export type Fate = 'in-flight' | 'delivered' | 'lost' | 'cut' | 'crash';

export type MessageBody =
  | { kind: 'client-write'; op: OpId; key: string; value: string; context: CausalContext | null; causal?: CausalTag }
  /** floor: what the client must see of the key (version-based reads). */
  | { kind: 'client-read'; op: OpId; key: string; floor?: unknown }
  | { kind: 'write-reply'; op: OpId; key: string; ok: boolean; reason: string; context: CausalContext | null; tag?: CausalTag }
  /** vector: under 'vector' causal delivery, what the replicas that answered had applied. */
  | { kind: 'read-reply'; op: OpId; key: string; ok: boolean; reason: string; state: unknown; vector?: ReadonlyMap<NodeId, number> }
  /** entry, leaderTerm: single-leader replication's log entry, and the term of the leader sending it (absent for leaderless replication). */
  | { kind: 'replicate'; op: OpId; key: string; state: unknown; hintFor?: NodeId; causal?: CausalTag; entry?: LogEntry; leaderTerm?: number }
  | { kind: 'replicate-ack'; op: OpId; key: string }
  | { kind: 'read-req'; op: OpId; key: string; floor?: unknown }
  | { kind: 'read-resp'; op: OpId; key: string; state: unknown; vector?: ReadonlyMap<NodeId, number> }
  | { kind: 'repair'; op: OpId; key: string; state: unknown }
  | { kind: 'sync'; states: ReadonlyMap<string, unknown> }
  | { kind: 'sync-reply'; states: ReadonlyMap<string, unknown> }
  | { kind: 'handoff'; key: string; owner: NodeId; state: unknown }
  | { kind: 'handoff-ack'; key: string; owner: NodeId; state: unknown }
  | { kind: 'write-back'; op: OpId; key: string; state: unknown }
  | { kind: 'write-back-ack'; op: OpId; key: string }
  /** A leader telling a follower its term and how long its log is, and asking where the follower's log agrees. */
  | { kind: 'heartbeat'; term: number; length: number; lastTerm: number }
  /** A follower's answer: its log agrees with the leader's up to `length` (ok), or it refuses (its term is newer, or its log differs from there). */
  | { kind: 'log-ack'; term: number; length: number; ok: boolean };

/**
 * One message as the view reads it: a snapshot made by `MessageLog.get`, of what the log
 * keeps for good. What only the receiver needed (causal contexts, a reply's verdict and
 * reason) is gone once the message lands.
 */
export interface MessageRecord {
  readonly id: MessageId;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly kind: MessageKind;
  /** The operation it serves (null: anti-entropy and hand-off). */
  readonly op: OpId | null;
  /** The key it is about (null: an anti-entropy exchange, about every key). */
  readonly key: string | null;
  /** A client write's value (null for every other kind). */
  readonly value: string | null;
  /** The replica state it carried for its key (undefined: a kind that carries none). */
  readonly state: unknown;
  /** An anti-entropy exchange's states by key (null for every other kind). */
  readonly states: ReadonlyMap<string, unknown> | null;
  readonly sentAt: Millis;
  /** When it would arrive if nothing stopped it. */
  readonly deliverAt: Millis;
  /** When it arrived or was dropped (deliverAt while still in flight). */
  readonly endAt: Millis;
  readonly fate: Fate;
}

export type TraceEvent =
  | { at: Millis; type: 'link'; from: NodeId; to: NodeId; cut: boolean }
  /** A sticky client got no answer from its replica in time and sent the request to another. */
  | { at: Millis; type: 'failover'; client: NodeId; op: OpId; from: NodeId; to: NodeId }
  | { at: Millis; type: 'crash'; node: NodeId; lostUndurable: boolean }
  | { at: Millis; type: 'recover'; node: NodeId }
  | { at: Millis; type: 'skew'; node: NodeId; ms: number }
  | { at: Millis; type: 'quorum'; w: number; r: number }
  | { at: Millis; type: 'network'; loss: number }
  /** Single-leader: the orchestrator made this follower the leader, starting a new term. */
  | { at: Millis; type: 'promote'; node: NodeId; term: number; from: NodeId }
  /** Single-leader: a leader heard of a newer term and became a follower. */
  | { at: Millis; type: 'step-down'; node: NodeId; term: number }
  /** Single-leader: a replica removed entries the leader does not have, from log place `from` on. */
  | { at: Millis; type: 'rollback'; node: NodeId; from: number; ops: readonly OpId[] };

/** A replica's state for a key became `state` at `at`. */
export interface StorageChange {
  readonly at: Millis;
  readonly node: NodeId;
  readonly key: string;
  readonly state: unknown;
  readonly cause: 'write' | 'replicate' | 'repair' | 'sync' | 'crash-loss' | 'handoff' | 'rollback';
}

export type OpOutcome = 'pending' | 'ok' | 'fail' | 'timeout';

/** One client operation, from invocation to completion. */
export interface OpRecord {
  readonly id: OpId;
  readonly kind: 'write' | 'read';
  readonly client: NodeId;
  /** The replica it was sent to (a sticky client's failover sends it on to another: a 'failover' event). */
  readonly coordinator: NodeId;
  readonly key: string;
  /** The value written (writes only). */
  readonly value: string | null;
  readonly invokedAt: Millis;
  completedAt: Millis | null;
  outcome: OpOutcome;
  /** Why it failed, in words. */
  reason: string;
  /** The version the coordinator created (writes that reached one). */
  version: unknown;
  /** The state a read returned, and its values. */
  state: unknown;
  result: string[] | null;
  /** Replicas that acknowledged (writes) or answered (reads) before the client was answered. */
  quorum: readonly NodeId[];
  /** Under causal delivery, what the write depended on (absent otherwise). */
  causal?: CausalTag;
}

/** An empty trace for a run among these nodes (replicas and clients). */
export function emptyTrace(nodes: readonly NodeId[]): Trace {
  return { messages: new MessageLog(nodes), events: [], changes: new ChangeLog(nodes), ops: [], hints: [], waits: [], log: [] };
}
