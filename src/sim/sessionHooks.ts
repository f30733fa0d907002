import type { Engine } from './engine.ts';
import type { NodeId, OpId } from './ids.ts';
import type { CoordinatorRequest, HeldUpdate, ParkedWrite } from './replica.ts';
import type { CausalTag, OpRecord } from './trace.ts';
import type { CausalContext } from './values/causalContext.ts';

/**
 * What a client's session remembers. `contexts` is what its next write of each key
 * supersedes (siblings); `home` is the replica a sticky client uses; the rest serves
 * version-based reads and causal delivery: the states of its acknowledged writes and of
 * what it read, and, for causal delivery by vector, how many of each coordinator's writes
 * its past includes.
 */
export interface ClientSession {
  readonly contexts: Map<string, CausalContext | null>;
  home: NodeId | null;
  readonly wrote: Map<string, unknown>;
  readonly read: Map<string, unknown>;
  readonly vector: Map<NodeId, number>;
}

/**
 * Version-based reads and causal delivery (sim/sessions/protocol.ts). Every lab's first
 * screen carries the simulator, and only runs that use these settings need this code, so
 * it is installed by importing sim/sessions/install.ts: the scenario schema does (so any
 * run from a link, a file or a message has it), and so do the sessions lab and the workers
 * that simulate scenarios built in code. Synchronous keys need nothing of it.
 */
export interface SessionProtocol {
  answerWhenCovered(e: Engine, node: NodeId, to: NodeId, op: OpId, key: string, floor: unknown, answer: (state: unknown) => void): void;
  onUnpark(e: Engine, node: NodeId, op: OpId): void;
  deliverOrHold(e: Engine, node: NodeId, update: Omit<HeldUpdate, 'wait'>): void;
  afterApply(e: Engine, node: NodeId): void;
  /** What a read of `key` by this session must see (undefined: nothing). */
  floor(e: Engine, session: ClientSession, key: string): unknown;
  /** What a write by this session depends on, under causal delivery (undefined when off). */
  past(e: Engine, session: ClientSession): CausalTag | undefined;
  /** A replica's answer to its share of a read, under version-based reads or causal delivery by vector (which reports what it applied). */
  answerRead(e: Engine, node: NodeId, to: NodeId, op: OpId, key: string, state: unknown): void;
  /** A coordinator sends a read with a floor, or by vector, to the key's replicas and takes its own share. */
  fanOutRead(e: Engine, coord: NodeId, req: Extract<CoordinatorRequest, { kind: 'read' }>, prefs: readonly NodeId[]): void;
  /** A replica's share of such a read. */
  onReadRequest(e: Engine, node: NodeId, from: NodeId, op: OpId, key: string, floor: unknown): void;
  /** Raise a read's vector by what a replica that answered had applied. */
  foldVector(req: Extract<CoordinatorRequest, { kind: 'read' }>, vector: ReadonlyMap<NodeId, number>): void;
  /** A coordinator's write under causal delivery: its tag, with its place among the coordinator's writes when by vector. */
  tagWrite(e: Engine, coord: NodeId, past: CausalTag): CausalTag;
  /** Causal delivery: remember a write sent to these replicas, to send it again until each acknowledges it. */
  track(e: Engine, coord: NodeId, op: OpId, key: string, state: unknown, causal: CausalTag, to: readonly NodeId[]): void;
  /** A replica acknowledged a tracked write. */
  acked(e: Engine, coord: NodeId, op: OpId, from: NodeId): void;
  onResend(e: Engine, coord: NodeId, op: OpId): void;
  /** Causal delivery by vector: whether a coordinator has applied a client's past, so it can number the client's write now. */
  canCoordinate(e: Engine, coord: NodeId, past: CausalTag): boolean;
  /** Hold a client's write at its coordinator until it can number it (sessions/protocol.ts). */
  parkWrite(e: Engine, coord: NodeId, write: Omit<ParkedWrite, 'wait'>): void;
  /** A replica stopped (crash): its held reads and updates are gone. */
  dropHeld(e: Engine, node: NodeId): void;
  /** Fold an answered operation into the session: a write's own state and tag, or the state read and what its replicas had applied. */
  remember(e: Engine, session: ClientSession, key: string, wrote: { readonly state: unknown; readonly tag: CausalTag | undefined } | null, read: { readonly state: unknown; readonly vector: ReadonlyMap<NodeId, number> | undefined } | null): void;
}

/** What a sticky client's failover needs of the clients' side (sim/clients.ts). */
export interface StickyClients {
  sessionOf(client: NodeId): ClientSession;
  /** Send the operation again, to `to`, with a fresh deadline (once per operation). */
  retry(op: OpRecord, to: NodeId): void;
  hasRetried(op: OpId): boolean;
}

let installed: (SessionProtocol & { failover(e: Engine, clients: StickyClients, op: OpId): void }) | null = null;

export function installSessions(protocol: SessionProtocol & { failover(e: Engine, clients: StickyClients, op: OpId): void }): void {
  installed = protocol;
}

/** The installed session protocol; throws, saying what to import, when a run needs it and it is not loaded. */
export function sessions(): SessionProtocol & { failover(e: Engine, clients: StickyClients, op: OpId): void } {
  if (!installed) throw new Error('this run uses client-session settings (sticky sessions, version-based reads or causal delivery), and their code is not loaded (import sim/sessions/install.ts)');
  return installed;
}
