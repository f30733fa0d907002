import { EMPTY_CONTEXT, union, type CausalContext } from '../../../../sim/values/causalContext.ts';
import type { MvState } from '../../../../sim/values/mv.ts';
import { GALLERY_KINDS, REPLICAS, type GalleryKindId, type GalleryOp, type OpContext, type ReplicaName } from './galleryKinds.ts';
import { clockNote, deliverNote, opNote, readNote } from './galleryNotes.ts';

/**
 * The gallery's cluster of three replicas of one data type, as a pure reducer: operations
 * at a replica, whole-state messages between replicas, and their delivery. Here a message
 * is simply in flight until it is delivered or dropped; when that happens is the gallery
 * clock's business (galleryClock.ts), which replays the learner's script through this
 * reducer.
 *
 * True time is the clock's: the clock moves `time` on (atTime) before each action, and an
 * operation happens at that time, so an LWW timestamp is the writer's clock reading then:
 * true time plus its offset. Two operations at the same paused instant share a true time.
 *
 * For the MV-Register each replica also has a client, which keeps what it has read and
 * written there, as the simulator's client sessions do: a write sends that context unless
 * it is blind, and replaces exactly the siblings the context covers.
 */
export interface GalleryReplica {
  readonly name: ReplicaName;
  readonly state: unknown;
  /** Operations applied here so far: with the name, the tag of the next one ("A3"). */
  readonly ops: number;
  /** How far this replica's clock is ahead of true time, in ms (negative: behind). */
  readonly clockOffset: number;
  /**
   * What the client at this replica has read and written (its session's causal context):
   * the union of every read's context and every write's. Only the MV-Register uses it.
   */
  readonly session: CausalContext;
}

/** A replica's whole state on its way to another, as it was when sent. */
export interface GalleryMessage {
  readonly id: number;
  readonly from: ReplicaName;
  readonly to: ReplicaName;
  readonly state: unknown;
}

export interface GalleryState {
  readonly kind: GalleryKindId;
  readonly replicas: readonly GalleryReplica[];
  readonly inFlight: readonly GalleryMessage[];
  readonly nextMessage: number;
  /** True time in ms: when the last action happened (the clock sets it, with atTime). */
  readonly time: number;
  /** What the last action did, in a sentence. */
  readonly note: string;
}

export type GalleryAction =
  | { readonly type: 'op'; readonly replica: ReplicaName; readonly op: GalleryOp }
  /** The client at the replica reads it, and remembers the context it got (MV-Register only). */
  | { readonly type: 'read'; readonly replica: ReplicaName }
  | { readonly type: 'send'; readonly from: ReplicaName; readonly to: ReplicaName }
  | { readonly type: 'deliver'; readonly id: number }
  | { readonly type: 'drop'; readonly id: number }
  | { readonly type: 'sync-all' }
  | { readonly type: 'reset' }
  | { readonly type: 'set-clock'; readonly replica: ReplicaName; readonly offset: number };

/** Clock offsets are kept within this many ms either way. */
export const MAX_CLOCK_OFFSET_MS = 60_000;

export function initialGallery(kind: GalleryKindId): GalleryState {
  const k = GALLERY_KINDS[kind];
  return {
    kind,
    replicas: REPLICAS.map((name) => ({ name, state: k.empty(), ops: 0, clockOffset: 0, session: EMPTY_CONTEXT })),
    inFlight: [],
    nextMessage: 1,
    time: 0,
    note: '',
  };
}

/**
 * The cluster as it stands at true time `time` (in ms): nothing changes but the time the
 * next action happens at. True time never runs backwards.
 */
export function atTime(state: GalleryState, time: number): GalleryState {
  return time > state.time ? { ...state, time } : state;
}

/** A replica's clock reading at true time `time`. */
export function clockOf(replica: GalleryReplica, time: number): number {
  return time + replica.clockOffset;
}

function update(state: GalleryState, name: ReplicaName, f: (r: GalleryReplica) => GalleryReplica): readonly GalleryReplica[] {
  return state.replicas.map((r) => (r.name === name ? f(r) : r));
}

function replicaOf(state: GalleryState, name: ReplicaName): GalleryReplica {
  return state.replicas.find((r) => r.name === name)!;
}

function applyOp(state: GalleryState, name: ReplicaName, op: GalleryOp): GalleryState {
  const kind = GALLERY_KINDS[state.kind];
  if (!kind.ops.includes(op.type)) return state;
  // The operation happens now: at the true time the clock has brought the cluster to.
  const time = state.time;
  const before = replicaOf(state, name);
  // A client that keeps a context sends it, unless the write is blind.
  const sends = kind.readContext !== undefined && !(op.type === 'write' && op.blind === true);
  const ctx: OpContext = { replica: name, counter: before.ops + 1, clock: clockOf(before, time), context: sends ? before.session : null };
  const { state: after, seen } = kind.apply(before.state, op, ctx);
  return {
    ...state,
    replicas: update(state, name, (r) => ({ ...r, state: after, ops: r.ops + 1, session: seen ? union(r.session, seen) : r.session })),
    note: opNote(state.kind, before.state, after, op, ctx),
  };
}

function read(state: GalleryState, name: ReplicaName): GalleryState {
  const kind = GALLERY_KINDS[state.kind];
  if (!kind.readContext) return state;
  const r = replicaOf(state, name);
  const session = union(r.session, kind.readContext(r.state));
  return { ...state, replicas: update(state, name, (x) => ({ ...x, session })), note: readNote(name, r.state as MvState, session) };
}

function send(state: GalleryState, pairs: readonly (readonly [ReplicaName, ReplicaName])[]): GalleryState {
  const messages = pairs.filter(([from, to]) => from !== to).map(([from, to], i) => ({ id: state.nextMessage + i, from, to, state: replicaOf(state, from).state }));
  return { ...state, inFlight: [...state.inFlight, ...messages], nextMessage: state.nextMessage + messages.length };
}

function deliver(state: GalleryState, id: number): GalleryState {
  const message = state.inFlight.find((m) => m.id === id);
  if (!message) return state;
  const kind = GALLERY_KINDS[state.kind];
  const before = replicaOf(state, message.to).state;
  const after = kind.merge(before, message.state);
  return {
    ...state,
    inFlight: state.inFlight.filter((m) => m.id !== id),
    replicas: update(state, message.to, (r) => ({ ...r, state: after })),
    note: deliverNote(state.kind, message.from, message.to, before, message.state, after),
  };
}

export function galleryReducer(state: GalleryState, action: GalleryAction): GalleryState {
  switch (action.type) {
    case 'op':
      return applyOp(state, action.replica, action.op);
    case 'read':
      return read(state, action.replica);
    case 'send':
      return { ...send(state, [[action.from, action.to]]), note: `${action.from} sent its state to ${action.to}.` };
    case 'sync-all': {
      const pairs = REPLICAS.flatMap((from) => REPLICAS.map((to) => [from, to] as const));
      return { ...send(state, pairs), note: 'Every replica sent its whole state to the other two.' };
    }
    case 'deliver':
      return deliver(state, action.id);
    case 'drop': {
      const message = state.inFlight.find((m) => m.id === action.id);
      if (!message) return state;
      return { ...state, inFlight: state.inFlight.filter((m) => m.id !== action.id), note: `The state ${message.from} sent to ${message.to} was lost on the way; ${message.to} is unchanged.` };
    }
    case 'reset':
      return { ...initialGallery(state.kind), note: 'Started again: three empty replicas.' };
    case 'set-clock': {
      const offset = Number.isFinite(action.offset) ? Math.round(Math.min(MAX_CLOCK_OFFSET_MS, Math.max(-MAX_CLOCK_OFFSET_MS, action.offset))) : 0;
      return { ...state, replicas: update(state, action.replica, (r) => ({ ...r, clockOffset: offset })), note: clockNote(action.replica, offset) };
    }
  }
}

export interface Agreement {
  /** Every replica holds the same state. */
  readonly converged: boolean;
  /** Every replica reads the same (it can, before their states are equal). */
  readonly sameRead: boolean;
  readonly reads: readonly { readonly name: ReplicaName; readonly value: string }[];
}

export function agreement(state: GalleryState): Agreement {
  const kind = GALLERY_KINDS[state.kind];
  const [first, ...rest] = state.replicas;
  const reads = state.replicas.map((r) => ({ name: r.name, value: kind.read(r.state) }));
  return {
    converged: rest.every((r) => kind.equals(first!.state, r.state)),
    sameRead: reads.every((r) => r.value === reads[0]!.value),
    reads,
  };
}

/** The sentence under the replicas: do they agree yet? */
export function agreementText(a: Agreement, inFlight: number): string {
  const pending = inFlight === 0 ? '' : ` ${inFlight === 1 ? 'One message is' : `${inFlight} messages are`} still on the way.`;
  if (a.converged) return `All three replicas agree: ${a.reads[0]!.value}.${pending}`;
  const each = a.reads.map((r) => `${r.name} reads ${r.value}`).join(', ');
  if (a.sameRead) return `All three read ${a.reads[0]!.value}, but their states still differ, so they have not converged yet (${each}).${pending}`;
  return `The replicas differ: ${each}.${pending}`;
}
