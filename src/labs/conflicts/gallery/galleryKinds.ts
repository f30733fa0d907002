import { nodeId, type OpId } from '../../../sim/ids.ts';
import { crdts } from '../../../sim/values/crdt/index.ts';
import type { CrdtId } from '../../../sim/values/crdt/types.ts';
import { lww, type LwwState } from '../../../sim/values/lww.ts';
import { mv, type MvState } from '../../../sim/values/mv.ts';

/**
 * The gallery's seven data types behind one shape, so the reducer never switches on a
 * type: the five CRDTs from sim/values/crdt and the two registers from sim/values. The
 * maths is theirs; this file only says which operations each one offers and how a
 * gallery operation becomes a call to it.
 */
export type GalleryKindId = CrdtId | 'lww-register' | 'mv-register';

export const GALLERY_KIND_IDS: readonly GalleryKindId[] = ['g-counter', 'pn-counter', 'g-set', '2p-set', 'or-set', 'lww-register', 'mv-register'];

export const REPLICAS = ['A', 'B', 'C'] as const;
export type ReplicaName = (typeof REPLICAS)[number];

export type GalleryOp =
  | { readonly type: 'inc' }
  | { readonly type: 'dec' }
  | { readonly type: 'add'; readonly item: string }
  | { readonly type: 'remove'; readonly item: string }
  | { readonly type: 'write'; readonly value: string };
export type OpType = GalleryOp['type'];

/** What a replica knows when it applies one of its own operations. */
export interface OpContext {
  readonly replica: ReplicaName;
  /** This operation's number at its replica, from 1: with the replica, a unique tag or dot. */
  readonly counter: number;
  /** The replica's clock reading in ms (true time plus its offset). */
  readonly clock: number;
}

export interface GalleryKind {
  readonly id: GalleryKindId;
  readonly name: string;
  readonly ops: readonly OpType[];
  empty(): unknown;
  apply(state: unknown, op: GalleryOp, ctx: OpContext): unknown;
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
    apply: (state, op, ctx) => (ops.includes(op.type) ? crdt.apply(state, op, ctx.replica, tagOf(ctx)) : state),
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
    if (op.type !== 'write') return state;
    const meta = { node: nodeId(ctx.replica), clock: ctx.clock, counter: ctx.counter, context: null, op: ctx.counter as OpId };
    const { delta } = lww.create(state as LwwState, op.value, meta);
    // The replica keeps the higher stamp: if it already holds a later one, the new write is lost at once.
    return lww.merge(state as LwwState, delta);
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
    if (op.type !== 'write') return state;
    const local = state as MvState;
    // The client read this replica just before writing, so the write has seen everything the replica holds.
    const meta = { node: nodeId(ctx.replica), clock: ctx.clock, counter: ctx.counter, context: mv.context(local), op: ctx.counter as OpId };
    const { delta } = mv.create(local, op.value, meta);
    return mv.merge(local, delta);
  },
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

export function isGalleryKindId(id: string): id is GalleryKindId {
  return (GALLERY_KIND_IDS as readonly string[]).includes(id);
}
