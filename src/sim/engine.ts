import type { ReplicaState } from './replica.ts';
import type { Rng } from './rng.ts';
import type { MessageId, Millis, NodeId, OpId } from './ids.ts';
import type { MessageBody, OpRecord, StorageChange, Trace } from './trace.ts';
import type { ValueStrategy } from './values/types.ts';
import type { CausalDelivery, SessionReads, Topology } from './scenario.ts';

/**
 * The events the queue holds. A message's delivery carries its body, which the log does
 * not keep in full (messageLog.ts); the event is short-lived, so it costs the collector
 * next to nothing, where a record kept per message cost it most of the run.
 */
export type SimEvent = Delivery | TimerEvent;

export interface Delivery {
  readonly type: 'deliver';
  readonly id: MessageId;
  readonly body: MessageBody;
}

export type TimerEvent =
  | { readonly type: 'coordinator-timeout'; readonly node: NodeId; readonly op: OpId }
  /** attempt: a sticky client's failover sends a request again, with a new deadline (an older one is ignored). */
  | { readonly type: 'client-timeout'; readonly op: OpId; readonly attempt?: number }
  | { readonly type: 'failover'; readonly op: OpId }
  | { readonly type: 'unpark'; readonly node: NodeId; readonly op: OpId }
  /** Causal delivery: a coordinator sends a write again to the replicas that have not acknowledged it. */
  | { readonly type: 'resend'; readonly node: NodeId; readonly op: OpId }
  | { readonly type: 'flush'; readonly node: NodeId; readonly key: string }
  | { readonly type: 'anti-entropy'; readonly node: NodeId }
  | { readonly type: 'sloppy-check'; readonly node: NodeId; readonly op: OpId }
  | { readonly type: 'handoff'; readonly node: NodeId }
  /** Single-leader: a replica that believes it leads sends its followers what they lack. */
  | { readonly type: 'heartbeat'; readonly node: NodeId }
  /** Single-leader: the orchestrator checks whether the leader can still be reached. */
  | { readonly type: 'orchestrator' };

/** The settings a protocol reads; `w` and `r` can change during a run. */
export interface ProtocolConfig {
  readonly n: number;
  w: number;
  r: number;
  readonly timeoutMs: number;
  readonly readRepair: boolean;
  readonly readWriteBack: boolean;
  readonly sloppyQuorum: boolean;
  readonly hintedHandoffMs: number;
  readonly antiEntropyMs: number;
  readonly sticky: boolean;
  readonly sessionReads: SessionReads;
  readonly syncKeys: readonly string[];
  readonly causalDelivery: CausalDelivery;
  readonly homeKeys: readonly string[];
  readonly home: NodeId;
  readonly topology: Topology;
  readonly followerAcks: number;
  readonly followerReads: boolean;
  readonly failoverMs: number;
}

/**
 * Single-leader: what the orchestrator (as Patroni or orchestrator do, simulated, not a
 * node of the network) has decided: the leader clients are sent to, its term, and since
 * when it has found the leader unreachable (null: it can reach it).
 */
export interface Directory {
  leader: NodeId;
  term: number;
  suspectSince: number | null;
}

/** What the simulation offers a protocol. Protocols hold no state of their own. */
export interface Engine {
  readonly now: Millis;
  readonly rng: Rng;
  readonly strategy: ValueStrategy<unknown, unknown>;
  readonly config: ProtocolConfig;
  /** Replicas in ring order. */
  readonly ring: readonly NodeId[];
  replica(id: NodeId): ReplicaState;
  preferenceList(key: string): NodeId[];
  send(from: NodeId, to: NodeId, body: MessageBody): void;
  schedule(at: number, event: TimerEvent): void;
  /** Park a write on a stand-in as a hint for `owner` (or drop the hint: state undefined). */
  hint(node: NodeId, key: string, owner: NodeId, state: unknown): void;
  /** Merge `delta` into a replica's state for `key`, recording the change if any. */
  apply(node: NodeId, key: string, delta: unknown, cause: StorageChange['cause']): void;
  op(id: OpId): OpRecord;
  /** The run so far: the session code (sim/sessions/) records waits and failovers in it. */
  readonly trace: Trace;
  /** Single-leader: the orchestrator's decision (undefined in leaderless runs). */
  readonly directory: Directory | undefined;
  isCut(from: NodeId, to: NodeId): boolean;
}
