import { createRng } from '../../sim/rng.ts';
import type { HistoryOp, ReadOp, Scalar } from '../history.ts';

/** [process, 'w' | 'r', key, value]: a read's value may be siblings (an array), or undefined for an unknown answer. */
export type Row = readonly [string, 'w' | 'r', string, Scalar | null | readonly Scalar[] | undefined];

/** A history of these operations one after another in real time, ids 0, 1, 2… in row order. */
export function history(...rows: Row[]): HistoryOp[] {
  return rows.map(([process, f, key, value], id): HistoryOp => {
    const base = { id, process, key, call: 2 * id, ret: 2 * id + 1, source: id };
    return f === 'w' ? { ...base, f: 'write', value: value as Scalar | null } : { ...base, f: 'read', value };
  });
}

/** The same history with these operations open: no answer, so they may or may not have taken effect. */
export function opened(ops: readonly HistoryOp[], ...ids: number[]): HistoryOp[] {
  return ops.map((o) => (ids.includes(o.id) ? { ...o, ret: Infinity } : o));
}

/** The same history with each read naming the writes whose values it returned (by value: for histories that write each value once per key). */
export function namingWrites(ops: readonly HistoryOp[]): HistoryOp[] {
  return ops.map((o) => {
    if (o.f !== 'read' || o.value === undefined) return o;
    const values: readonly (Scalar | null)[] = o.value === null ? [] : Array.isArray(o.value) ? o.value : [o.value];
    const readsFrom = ops.filter((w) => w.f === 'write' && w.key === o.key && values.includes(w.value)).map((w) => w.id);
    return { ...o, readsFrom } satisfies ReadOp;
  });
}

/** A step of a sequential run: a process writes a key (a fresh value) or reads it. */
export interface Step {
  readonly process: number;
  readonly write: boolean;
  readonly key: number;
}

/**
 * One sequential run of these steps on a single copy of the store: each read returns the
 * latest write of its key before it, and names it. Values are fresh: 1, 2, 3… With `open`,
 * each process's last operation, if a write, is left open (it took effect, unconfirmed).
 */
export function sequentialRun(steps: readonly Step[], open = false): HistoryOp[] {
  const latest = new Map<string, number>();
  const ops = steps.map(({ process, write, key }, id): HistoryOp => {
    const base = { id, process: `p${process}`, key: `k${key}`, call: 2 * id, ret: 2 * id + 1, source: id };
    if (write) {
      latest.set(base.key, id);
      return { ...base, f: 'write', value: id + 1 };
    }
    const w = latest.get(base.key);
    return { ...base, f: 'read', value: w === undefined ? null : w + 1, readsFrom: w === undefined ? [] : [w] };
  });
  if (!open) return ops;
  const last = new Map(ops.map((o) => [o.process, o]));
  return ops.map((o) => (o.f === 'write' && last.get(o.process) === o ? { ...o, ret: Infinity } : o));
}

export interface StoreRun {
  readonly seed: number;
  readonly processes: number;
  readonly keys: number;
  readonly ops: number;
  /** Replicas keep the write with the highest (Lamport time, origin), last writer wins, instead of the last one delivered. */
  readonly convergent: boolean;
}

interface Update {
  readonly id: number;
  readonly key: string;
  readonly origin: number;
  /** Its place among its origin's writes, from 1. */
  readonly seq: number;
  /** How many of each replica's writes its origin had applied when it was written. */
  readonly deps: readonly number[];
  readonly time: number;
}

/**
 * A run of a causally consistent store: one replica per process, each write applied at once
 * where it was made and delivered to every other replica only after everything its origin
 * had applied when writing it (causal delivery), in a seeded random interleaving. A read
 * returns its replica's value and names the write. Values are fresh (the write's id + 1).
 * Every such run is causally consistent; with `convergent`, causally convergent too, the
 * (Lamport time, origin) order being the arbitration.
 */
export function causalStoreRun({ seed, processes, keys, ops, convergent }: StoreRun): HistoryOp[] {
  const rng = createRng(seed);
  const applied = Array.from({ length: processes }, () => new Array<number>(processes).fill(0));
  const state = Array.from({ length: processes }, () => new Map<string, Update>());
  const clock = new Array<number>(processes).fill(0);
  const pending = Array.from({ length: processes }, (): Update[] => []);
  const apply = (at: number, u: Update) => {
    applied[at]![u.origin]!++;
    clock[at] = Math.max(clock[at]!, u.time);
    const now = state[at]!.get(u.key);
    if (!convergent || !now || u.time > now.time || (u.time === now.time && u.origin > now.origin)) state[at]!.set(u.key, u);
  };
  const deliverable = (at: number, u: Update) => applied[at]![u.origin] === u.seq - 1 && u.deps.every((d, k) => k === u.origin || applied[at]![k]! >= d);
  const out: HistoryOp[] = [];
  for (let time = 0; out.length < ops; time++) {
    if (rng.next() < 0.45) {
      const at = rng.int(processes);
      const queue = pending[at]!;
      const from = rng.int(queue.length + 1);
      const i = [...queue.keys()].map((k) => (k + from) % queue.length).find((k) => deliverable(at, queue[k]!));
      if (i !== undefined) apply(at, queue.splice(i, 1)[0]!);
      continue;
    }
    const p = rng.int(processes);
    const id = out.length;
    const base = { id, process: `p${p}`, key: `k${rng.int(keys)}`, call: time, ret: time + 0.5, source: id };
    if (rng.next() < 0.5) {
      const u: Update = { id, key: base.key, origin: p, seq: applied[p]![p]! + 1, deps: [...applied[p]!], time: clock[p]! + 1 };
      apply(p, u);
      for (let q = 0; q < processes; q++) if (q !== p) pending[q]!.push(u);
      out.push({ ...base, f: 'write', value: id + 1 });
    } else {
      const now = state[p]!.get(base.key);
      out.push({ ...base, f: 'read', value: now ? now.id + 1 : null, readsFrom: now ? [now.id] : [] });
    }
  }
  return out;
}
