import { nodeId, type OpId } from '../../../sim/ids.ts';
import { EMPTY_CONTEXT, type CausalContext } from '../../../sim/values/causalContext.ts';
import { crdts } from '../../../sim/values/crdt/index.ts';
import type { CrdtId } from '../../../sim/values/crdt/types.ts';
import type { GalleryKindId } from './galleryIds.ts';
import { lww, type LwwState } from '../../../sim/values/lww.ts';
import { mv, type MvState } from '../../../sim/values/mv.ts';

/**
 * The gallery's seven data types behind one shape, so the reducer never switches on a
 * type: the five CRDTs from sim/values/crdt and the two registers from sim/values. The
 * maths is theirs; this file only says which operations each one offers and how a
 * gallery operation becomes a call to it.
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

function formatSet(items: readonly string[]): string {
  return `{${items.join(', ')}}`;
}

function fromCrdt(id: CrdtId, ops: readonly OpType[], read: (v: unknown) => string): GalleryKind {
  const crdt = crdts[id];
  return {
    id,
    name: crdt.name,
    ops,
    empty: () => crdt.empty(),
    apply: (state, op, ctx) => ({ state: ops.includes(op.type) ? crdt.apply(state, op, ctx.replica, tagOf(ctx)) : state, seen: null }),
    merge: (a, b) => crdt.merge(a, b),
    equals: (a, b) => crdt.equals(a, b),
    read: (state) => read(crdt.value(state)),
  };
}

const counter = (v: unknown) => String(v);
const set = (v: unknown) => formatSet(v as string[]);

const lwwKind: GalleryKind = {
  id: 'lww-register',
  name: 'LWW-Register',
  ops: ['write'],
  empty: () => lww.empty(),
  apply(state, op, ctx) {
    if (op.type !== 'write') return { state, seen: null };
    const meta = { node: nodeId(ctx.replica), clock: ctx.clock, counter: ctx.counter, context: null, op: ctx.counter as OpId };
    const { delta } = lww.create(state as LwwState, op.value, meta);
    // The replica keeps the higher stamp: if it already holds a later one, the new write is lost at once.
    return { state: lww.merge(state as LwwState, delta), seen: null };
  },
  merge: (a, b) => lww.merge(a as LwwState, b as LwwState),
  equals: (a, b) => lww.equals(a as LwwState, b as LwwState),
  read: (state) => lww.values(state as LwwState)[0] ?? 'nothing yet',
};

const mvKind: GalleryKind = {
  id: 'mv-register',
  name: 'MV-Register',
  ops: ['write'],
  empty: () => mv.empty(),
  apply(state, op, ctx) {
    if (op.type !== 'write') return { state, seen: null };
    const local = state as MvState;
    // As in Riak: the write replaces what its client had seen (ctx.context), not everything the replica holds.
    const meta = { node: nodeId(ctx.replica), clock: ctx.clock, counter: ctx.counter, context: ctx.context, op: ctx.counter as OpId };
    const { delta, context } = mv.create(local, op.value, meta);
    return { state: mv.merge(local, delta), seen: context };
  },
  readContext: (state) => mv.context(state as MvState) ?? EMPTY_CONTEXT,
  merge: (a, b) => mv.merge(a as MvState, b as MvState),
  equals: (a, b) => mv.equals(a as MvState, b as MvState),
  read: (state) => {
    const values = mv.values(state as MvState);
    return values.length === 0 ? 'nothing yet' : values.join(' | ');
  },
};

export const GALLERY_KINDS: Readonly<Record<GalleryKindId, GalleryKind>> = {
  'g-counter': fromCrdt('g-counter', ['inc'], counter),
  'pn-counter': fromCrdt('pn-counter', ['inc', 'dec'], counter),
  'g-set': fromCrdt('g-set', ['add'], set),
  '2p-set': fromCrdt('2p-set', ['add', 'remove'], set),
  'or-set': fromCrdt('or-set', ['add', 'remove'], set),
  'lww-register': lwwKind,
  'mv-register': mvKind,
};
