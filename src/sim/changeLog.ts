import type { Millis, NodeId } from './ids.ts';
import type { StorageChange } from './trace.ts';

/** Changes a chunk holds: 16,384, so a chunk's columns weigh about 0.4 MB. */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export const CAUSES: readonly StorageChange['cause'][] = ['write', 'replicate', 'repair', 'sync', 'crash-loss', 'handoff', 'rollback'];
const CAUSE_CODE = new Map(CAUSES.map((c, i) => [c, i]));

interface Chunk {
  readonly at: Float64Array;
  readonly node: Uint16Array;
  readonly key: Int32Array;
  readonly cause: Uint8Array;
  readonly state: unknown[];
}

/**
 * Every change to a replica's storage, in the order made, in columns like the message log
 * (messageLog.ts): a time, a node, an interned key and a cause each, and the new state by
 * reference (the value the replica holds, not a copy). Read through the accessors, or as
 * `StorageChange` records made on demand.
 */
export class ChangeLog implements Iterable<StorageChange> {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  private readonly nodeIndex = new Map<NodeId, number>();
  private readonly keyIndex = new Map<string, number>();
  private readonly keyNames: string[] = [];

  constructor(readonly nodes: readonly NodeId[]) {
    if (nodes.length > 0xffff) throw new RangeError('too many nodes for a change log');
    nodes.forEach((n, i) => this.nodeIndex.set(n, i));
  }

  get length(): number {
    return this.count;
  }

  push(at: number, node: NodeId, key: string, state: unknown, cause: StorageChange['cause']): void {
    const i = this.count++;
    const j = i & MASK;
    if (j === 0) this.chunks.push({ at: new Float64Array(CHUNK), node: new Uint16Array(CHUNK), key: new Int32Array(CHUNK), cause: new Uint8Array(CHUNK), state: [] });
    const c = this.chunks[i >>> SHIFT]!;
    const n = this.nodeIndex.get(node);
    if (n === undefined) throw new Error(`no node ${node}`);
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keyNames.length;
      this.keyIndex.set(key, k);
      this.keyNames.push(key);
    }
    c.at[j] = at;
    c.node[j] = n;
    c.key[j] = k;
    c.cause[j] = CAUSE_CODE.get(cause)!;
    c.state[j] = state;
  }

  changedAt(i: number): number {
    return this.chunks[i >>> SHIFT]!.at[i & MASK]!;
  }

  node(i: number): NodeId {
    return this.nodes[this.chunks[i >>> SHIFT]!.node[i & MASK]!]!;
  }

  key(i: number): string {
    return this.keyNames[this.chunks[i >>> SHIFT]!.key[i & MASK]!]!;
  }

  state(i: number): unknown {
    return this.chunks[i >>> SHIFT]!.state[i & MASK];
  }

  cause(i: number): StorageChange['cause'] {
    return CAUSES[this.chunks[i >>> SHIFT]!.cause[i & MASK]!]!;
  }

  /** Change i as a record, made now. */
  get(i: number): StorageChange | undefined {
    if (!(i >= 0 && i < this.count && Number.isInteger(i))) return undefined;
    return { at: this.changedAt(i) as Millis, node: this.node(i), key: this.key(i), state: this.state(i), cause: this.cause(i) };
  }

  *[Symbol.iterator](): Iterator<StorageChange> {
    for (let i = 0; i < this.count; i++) yield this.get(i)!;
  }

  slice(start = 0, end = this.count): StorageChange[] {
    const out: StorageChange[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.count); i++) out.push(this.get(i)!);
    return out;
  }

  toJSON(): StorageChange[] {
    return this.slice();
  }
}
