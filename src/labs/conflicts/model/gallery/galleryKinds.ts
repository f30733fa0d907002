import { nodeId, type OpId } from '../../../../sim/ids.ts';
import { EMPTY_CONTEXT, type CausalContext } from '../../../../sim/values/causalContext.ts';
import { CRDTS } from '../../../../sim/values/crdt/index.ts';
import { lww } from '../../../../sim/values/lww.ts';
import { mv } from '../../../../sim/values/mv.ts';
import type { ValueStrategy } from '../../../../sim/values/types.ts';
import { GALLERY_NAMES } from '../../../../content/galleryWords.ts';
import type { GalleryKindId } from './galleryIds.ts';

/**
 * The gallery's seven data types behind one shape, so the reducer never switches on a
 * type. Each is a value strategy, the simulator's one interface for a replicated value:
 * the five CRDTs from sim/values/crdt and the two registers from sim/values. The maths is
 * theirs; this file only says which operations each one offers and turns a gallery
 * operation into the strategy's write (a value, or an operation such as "+1" or "-tv").
 */
export { GALLERY_KIND_IDS, type GalleryKindId } from './galleryIds.ts';

export const REPLICAS = ['A', 'B', 'C'] as const;
export type ReplicaName = (typeof REPLICAS)[number];

export type GalleryOp =
  | { readonly type: 'inc' }
  | { readonly type: 'dec' }
  | { readonly type: 'add'; readonly item: string }
  | { readonly type: 'remove'; readonly item: string }
  /** A blind write sends no context, even where its client has read (MV-Register). */
  | { readonly type: 'write'; readonly value: string; readonly blind?: boolean };
export type OpType = GalleryOp['type'];

/** What a replica knows when it applies one of its own operations. */
export interface OpContext {
  readonly replica: ReplicaName;
  /** This operation's number at its replica, from 1: with the replica, a unique tag or dot. */
  readonly counter: number;
  /** The replica's clock reading in ms (true time plus its offset). */
  readonly clock: number;
  /**
   * What the operation's client sends with it: everything it has read and written at this
   * replica, or null for a blind write. Only the MV-Register's clients keep one.
   */
  readonly context: CausalContext | null;
}

/** A type's state after an operation, and what the operation's client has seen once it is done. */
export interface Applied {
  readonly state: unknown;
  /** The context a write hands back to its client (null for types whose clients keep none). */
  readonly seen: CausalContext | null;
}

export interface GalleryKind {
  readonly id: GalleryKindId;
  readonly name: string;
  readonly ops: readonly OpType[];
  empty(): unknown;
  apply(state: unknown, op: GalleryOp, ctx: OpContext): Applied;
  /**
   * For a type whose clients keep a causal context (the MV-Register): what a client has
   * seen once it has read this state. Absent: the type offers no Read.
   */
  readContext?(state: unknown): CausalContext;
  merge(a: unknown, b: unknown): unknown;
  equals(a: unknown, b: unknown): boolean;
  /** What a read at this replica returns, in one short line: "3", "{TV, lamp}", "red | blue". */
  read(state: unknown): string;
}

/** The tag an OR-Set add gets, and the name a G-/PN-Counter update goes by: "A3". */
export function tagOf(ctx: OpContext): string {
  return `${ctx.replica}${ctx.counter}`;
}

/** A gallery operation as the strategy's write: "+1", "-1", "+tv", "-tv", or the value. */
export function writeOf(op: GalleryOp): string {
  switch (op.type) {
    case 'inc':
      return '+1';
    case 'dec':
      return '-1';
    case 'add':
      return `+${op.item}`;
    case 'remove':
      return `-${op.item}`;
    case 'write':
      return op.value;
  }
}

/**
 * A kind over its strategy. A client that keeps a context (the MV-Register's) sends it
 * with a write; the write replaces exactly the siblings it covers, as in Riak.
 */
function fromStrategy(id: GalleryKindId, strategy: ValueStrategy<unknown, unknown>, ops: readonly OpType[], keepsContext = false): GalleryKind {
  return {
    id,
    name: GALLERY_NAMES[id],
    ops,
    empty: () => strategy.empty(),
    apply(state, op, ctx) {
      if (!ops.includes(op.type)) return { state, seen: null };
      const meta = { node: nodeId(ctx.replica), clock: ctx.clock, counter: ctx.counter, context: ctx.context, op: ctx.counter as OpId };
      const { delta, context } = strategy.create(state, writeOf(op), meta);
      // The replica keeps the merge: under LWW, a write with a lower stamp than what it holds is lost at once.
      return { state: strategy.merge(state, delta), seen: keepsContext ? context : null };
    },
    ...(keepsContext ? { readContext: (state: unknown) => strategy.context(state) ?? EMPTY_CONTEXT } : {}),
    merge: (a, b) => strategy.merge(a, b),
    equals: (a, b) => strategy.equals(a, b),
    read: (state) => strategy.values(state).join(' | ') || 'nothing yet',
  };
}

export const GALLERY_KINDS: Readonly<Record<GalleryKindId, GalleryKind>> = {
  'g-counter': fromStrategy('g-counter', CRDTS['g-counter'], ['inc']),
  'pn-counter': fromStrategy('pn-counter', CRDTS['pn-counter'], ['inc', 'dec']),
  'g-set': fromStrategy('g-set', CRDTS['g-set'], ['add']),
  '2p-set': fromStrategy('2p-set', CRDTS['2p-set'], ['add', 'remove']),
  'or-set': fromStrategy('or-set', CRDTS['or-set'], ['add', 'remove']),
  'lww-register': fromStrategy('lww-register', lww as ValueStrategy<unknown, unknown>, ['write']),
  'mv-register': fromStrategy('mv-register', mv as ValueStrategy<unknown, unknown>, ['write'], true),
};
