import type { MessageId, Millis, NodeId, OpId } from './ids.ts';
import type { Fate, MessageBody, MessageKind, MessageRecord } from './trace.ts';

/** Messages a chunk holds: 16,384, so a chunk's columns weigh about 0.75 MB. */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export const FATES: readonly Fate[] = ['in-flight', 'delivered', 'lost', 'cut', 'crash'];
const IN_FLIGHT = 0;
const DELIVERED = 1;
const LOST = 2;
const CUT = 3;
const CRASH = 4;

export const MESSAGE_KINDS: readonly MessageKind[] = [
  'client-write',
  'client-read',
  'write-reply',
  'read-reply',
  'replicate',
  'replicate-ack',
  'read-req',
  'read-resp',
  'repair',
  'sync',
  'sync-reply',
  'handoff',
  'handoff-ack',
  'write-back',
  'write-back-ack',
  'heartbeat',
  'log-ack',
];
const CLIENT_WRITE = 0;
/** The kinds whose body carries replica state the log keeps: 1 one key's state, 2 an anti-entropy exchange's states. */
const CARRIES = new Uint8Array(MESSAGE_KINDS.map((k) => (k === 'sync' || k === 'sync-reply' ? 2 : k === 'read-reply' || k === 'replicate' || k === 'read-resp' || k === 'repair' || k === 'handoff' || k === 'handoff-ack' || k === 'write-back' ? 1 : 0)));

interface Chunk {
  readonly sentAt: Float64Array;
  readonly deliverAt: Float64Array;
  readonly from: Uint16Array;
  readonly to: Uint16Array;
  readonly fate: Uint8Array;
  readonly kind: Uint8Array;
  readonly op: Int32Array;
  readonly key: Int32Array;
  /** A client write's value, or the replica state(s) a message carried; undefined for the rest. */
  readonly payload: unknown[];
}

function newChunk(): Chunk {
  return {
    sentAt: new Float64Array(CHUNK),
    deliverAt: new Float64Array(CHUNK),
    from: new Uint16Array(CHUNK),
    to: new Uint16Array(CHUNK),
    fate: new Uint8Array(CHUNK),
    kind: new Uint8Array(CHUNK),
    op: new Int32Array(CHUNK),
    key: new Int32Array(CHUNK),
    // Sized once: grown by assignment it would hold a third more slots than messages.
    payload: new Array<unknown>(CHUNK),
  };
}

/**
 * Every message of a run, in the order sent, stored in columns: typed arrays for times,
 * nodes, kinds and fates, keys interned, and one reference for what a message carried.
 * A run of a million messages holds no object per message (DESIGN.md, "The trace"); a
 * message is read through the accessors, or as a `MessageRecord` made on demand by `get`.
 *
 * The replica state a message carried is kept (a reference to a value the replicas hold
 * anyway): the inspector shows it, and the lost-write check counts a copy still in the
 * air. What a body held only for its receiver (causal contexts, a reply's verdict and
 * reason) travels with the delivery event and is gone once the message lands; the
 * operation records say how each operation ended.
 */
export class MessageLog implements Iterable<MessageRecord> {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  private readonly nodeIndex = new Map<NodeId, number>();
  private readonly keyIndex = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private longest = 0;
  /**
   * When each message lost or cut ended; every other message ends when it is due (arriving,
   * or dropped by a receiver that is down), so its end needs no column of its own.
   */
  private readonly dropped = new Map<number, number>();

  constructor(readonly nodes: readonly NodeId[]) {
    if (nodes.length > 0xffff) throw new RangeError('too many nodes for a message log');
    nodes.forEach((n, i) => this.nodeIndex.set(n, i));
  }

  get length(): number {
    return this.count;
  }

  /** The index of a node in `nodes`, as the columns hold it. */
  indexOf(node: NodeId): number {
    const i = this.nodeIndex.get(node);
    if (i === undefined) throw new Error(`no node ${node}`);
    return i;
  }

  /** Log a message leaving now, in flight until `deliverAt`. Returns its id. */
  append(from: number, to: number, body: MessageBody, sentAt: number, deliverAt: number): MessageId {
    const id = this.count++;
    const j = id & MASK;
    if (j === 0) this.chunks.push(newChunk());
    const c = this.chunks[id >>> SHIFT]!;
    c.sentAt[j] = sentAt;
    c.deliverAt[j] = deliverAt;
    c.from[j] = from;
    c.to[j] = to;
    // fate starts at 0: in flight. One switch, most frequent kinds first: this runs for
    // every message, and a lookup by the kind's name cost more than the rest together.
    let op = -1;
    let key: string | null = null;
    let payload: unknown = undefined;
    let kind: number;
    switch (body.kind) {
      case 'replicate':
        kind = 4;
        op = body.op;
        key = body.key;
        payload = body.state;
        break;
      case 'replicate-ack':
        kind = 5;
        op = body.op;
        key = body.key;
        break;
      case 'read-req':
        kind = 6;
        op = body.op;
        key = body.key;
        break;
      case 'read-resp':
        kind = 7;
        op = body.op;
        key = body.key;
        payload = body.state;
        break;
      case 'client-write':
        kind = 0;
        op = body.op;
        key = body.key;
        payload = body.value;
        break;
      case 'client-read':
        kind = 1;
        op = body.op;
        key = body.key;
        break;
      case 'write-reply':
        kind = 2;
        op = body.op;
        key = body.key;
        break;
      case 'read-reply':
        kind = 3;
        op = body.op;
        key = body.key;
        payload = body.state;
        break;
      case 'repair':
        kind = 8;
        op = body.op;
        key = body.key;
        payload = body.state;
        break;
      case 'sync':
        kind = 9;
        payload = body.states;
        break;
      case 'sync-reply':
        kind = 10;
        payload = body.states;
        break;
      case 'handoff':
        kind = 11;
        key = body.key;
        payload = body.state;
        break;
      case 'handoff-ack':
        kind = 12;
        key = body.key;
        payload = body.state;
        break;
      case 'write-back':
        kind = 13;
        op = body.op;
        key = body.key;
        payload = body.state;
        break;
      case 'write-back-ack':
        kind = 14;
        op = body.op;
        key = body.key;
        break;
      case 'heartbeat':
        kind = 15;
        break;
      case 'log-ack':
        kind = 16;
        break;
    }
    c.kind[j] = kind;
    c.op[j] = op;
    c.key[j] = key === null ? -1 : this.intern(key);
    c.payload[j] = payload;
    if (deliverAt - sentAt > this.longest) this.longest = deliverAt - sentAt;
    return id as MessageId;
  }

  private intern(key: string): number {
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keyNames.length;
      this.keyIndex.set(key, k);
      this.keyNames.push(key);
    }
    return k;
  }

  /** A message due now arrives (true) or, its receiver down, is dropped; false as well if it had already ended. */
  arrive(id: number, receiverUp: boolean): boolean {
    const c = this.chunks[id >>> SHIFT]!;
    const j = id & MASK;
    if (c.fate[j] !== IN_FLIGHT) return false;
    c.fate[j] = receiverUp ? DELIVERED : CRASH;
    return receiverUp;
  }

  /** Drop every message from `from` to `to` still in flight, at `now`; looks back no further than the longest flight. */
  cutInFlight(from: number, to: number, now: number): void {
    for (let i = this.count - 1; i >= 0; i--) {
      const c = this.chunks[i >>> SHIFT]!;
      const j = i & MASK;
      if (c.sentAt[j]! < now - this.longest) break;
      if (c.fate[j] === IN_FLIGHT && c.from[j] === from && c.to[j] === to) {
        c.fate[j] = CUT;
        this.dropped.set(i, now);
      }
    }
  }

  /** Mark a message lost (it vanishes at `at`) or cut as it leaves. */
  drop(id: number, fate: 'lost' | 'cut', at: number): void {
    const c = this.chunks[id >>> SHIFT]!;
    c.fate[id & MASK] = fate === 'lost' ? LOST : CUT;
    this.dropped.set(id, at);
  }

  sentAt(i: number): number {
    return this.chunks[i >>> SHIFT]!.sentAt[i & MASK]!;
  }

  deliverAt(i: number): number {
    return this.chunks[i >>> SHIFT]!.deliverAt[i & MASK]!;
  }

  /** When it arrived or was dropped; deliverAt while in flight. */
  endAt(i: number): number {
    const c = this.chunks[i >>> SHIFT]!;
    const j = i & MASK;
    const fate = c.fate[j];
    return fate === LOST || fate === CUT ? this.dropped.get(i)! : c.deliverAt[j]!;
  }

  fate(i: number): Fate {
    return FATES[this.chunks[i >>> SHIFT]!.fate[i & MASK]!]!;
  }

  isInFlight(i: number): boolean {
    return this.chunks[i >>> SHIFT]!.fate[i & MASK] === IN_FLIGHT;
  }

  from(i: number): NodeId {
    return this.nodes[this.chunks[i >>> SHIFT]!.from[i & MASK]!]!;
  }

  to(i: number): NodeId {
    return this.nodes[this.chunks[i >>> SHIFT]!.to[i & MASK]!]!;
  }

  kind(i: number): MessageKind {
    return MESSAGE_KINDS[this.chunks[i >>> SHIFT]!.kind[i & MASK]!]!;
  }

  /** The operation a message belongs to, or null (anti-entropy and hand-off). */
  op(i: number): OpId | null {
    const op = this.chunks[i >>> SHIFT]!.op[i & MASK]!;
    return op < 0 ? null : (op as OpId);
  }

  key(i: number): string | null {
    const k = this.chunks[i >>> SHIFT]!.key[i & MASK]!;
    return k < 0 ? null : this.keyNames[k]!;
  }

  /**
   * The longest time any message has spent between leaving and arriving or being dropped,
   * or was planned to: no message sent before t − longestFlight is in the air at t.
   */
  get longestFlight(): number {
    return this.longest;
  }

  /** Index of the last message sent at or before t, or -1 (messages are logged in the order sent). */
  lastSentAtOrBefore(t: number): number {
    return this.sentBefore(t, true) - 1;
  }

  /** Index of the first message sent at or after t (length if none). */
  firstSentAtOrAfter(t: number): number {
    return this.sentBefore(t, false);
  }

  /** How many messages were sent before t (or at it too, with `orAt`). */
  private sentBefore(t: number, orAt: boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = this.sentAt(mid);
      if (at < t || (orAt && at === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Message i as a record, made now: a snapshot, which later changes to its fate do not reach. */
  get(i: number): MessageRecord | undefined {
    if (!(i >= 0 && i < this.count && Number.isInteger(i))) return undefined;
    const c = this.chunks[i >>> SHIFT]!;
    const j = i & MASK;
    const kind = c.kind[j]!;
    const payload = c.payload[j];
    return {
      id: i as MessageId,
      from: this.nodes[c.from[j]!]!,
      to: this.nodes[c.to[j]!]!,
      kind: MESSAGE_KINDS[kind]!,
      op: c.op[j]! < 0 ? null : (c.op[j]! as OpId),
      key: c.key[j]! < 0 ? null : this.keyNames[c.key[j]!]!,
      value: kind === CLIENT_WRITE ? (payload as string) : null,
      state: CARRIES[kind] === 1 ? payload : undefined,
      states: CARRIES[kind] === 2 ? (payload as ReadonlyMap<string, unknown>) : null,
      sentAt: c.sentAt[j]! as Millis,
      deliverAt: c.deliverAt[j]! as Millis,
      endAt: this.endAt(i) as Millis,
      fate: FATES[c.fate[j]!]!,
    };
  }

  *[Symbol.iterator](): Iterator<MessageRecord> {
    for (let i = 0; i < this.count; i++) yield this.get(i)!;
  }

  /** Records for messages [start, end). */
  slice(start = 0, end = this.count): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.count); i++) out.push(this.get(i)!);
    return out;
  }

  /** JSON of a trace lists the messages as records, as before the log kept columns. */
  toJSON(): MessageRecord[] {
    return this.slice();
  }
}
