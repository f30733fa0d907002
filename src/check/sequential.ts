import { isOpen, type HistoryOp } from './history.ts';
import { INITIAL, step, type RegisterState } from './registerModel.ts';
import { PairSet, zobrist } from './memo.ts';
import { shrink } from './shrink.ts';
import type { Verdict } from './verdict.ts';

/** Steps of the search before it answers "unknown". */
export const SEQUENTIAL_BUDGET = 250_000;

interface Search {
  readonly result: 'satisfied' | 'violated' | 'unknown';
  readonly order: number[];
  /** The longest order found (history ids). */
  readonly longest: number[];
  readonly steps: number;
}

/**
 * Sequential consistency of a key-value history: some single order of all its operations,
 * keeping each process's operations in the order it issued them, in which every key
 * answers as a register would. Unlike linearizability, real time does not count: an
 * operation may take effect before one that completed earlier on another process.
 *
 * It is not local (a history can be sequentially consistent key by key and not as a
 * whole), so the search runs on the whole history: a depth-first search over which
 * operations are placed, remembering (placed set, values) pairs already tried. The problem
 * is NP-complete in general; past its budget the answer is "unknown".
 *
 * Two things keep the search small without changing the answer. A read whose value is
 * unknown changes nothing and is left out: in any order of the rest it fits just after the
 * last operation of its process that precedes it, since all of those precede all that
 * follow it. An open operation (no answer) precedes nothing in its process, so it is
 * placed with its effect or not at all: the search ends when every answered operation is
 * placed, and never tries an open one's no-op at each position.
 *
 * @example sequentiallyConsistent(history.ops).result
 */
export function sequentiallyConsistent(ops: readonly HistoryOp[], budget = SEQUENTIAL_BUDGET, witness = true): Verdict {
  const s = search(ops, budget);
  if (s.result === 'satisfied') return { result: 'satisfied', order: s.order };
  if (s.result === 'unknown') return { result: 'unknown', reason: `the search went past ${budget.toLocaleString('en')} steps` };
  let left = Math.min(budget, 100_000);
  const kept = witness
    ? shrink(ops, (candidate) => {
        if (left <= 0) return false;
        const r = search(candidate, left);
        left -= r.steps;
        return r.result === 'violated';
      })
    : [];
  const keys = new Set(kept.map((o) => o.key));
  return { result: 'violated', witness: { ops: kept.map((o) => o.id), partial: s.longest, key: keys.size === 1 ? [...keys][0]! : '' } };
}

function search(all: readonly HistoryOp[], budget: number): Search {
  const ops = all.filter((o) => !(o.f === 'read' && o.value === undefined));
  const n = ops.length;
  const answered = ops.reduce((c, o) => c + (isOpen(o) ? 0 : 1), 0);
  // Program order: within a process, a precedes b when a completed before b was invoked.
  // For a process that waits for each answer this is the order it issued them; a client
  // with several operations in flight at once leaves those unordered, as linearizability
  // does (so a linearizable history is always sequentially consistent).
  const lanes = new Map<string, number[]>();
  ops.forEach((op, i) => {
    const lane = lanes.get(op.process);
    if (lane) lane.push(i);
    else lanes.set(op.process, [i]);
  });
  const laneOf = new Int32Array(n);
  /** Each lane's operations by completion time, and how many of them precede each operation. */
  const byRet: number[][] = [];
  const rank = new Int32Array(n);
  const need = new Int32Array(n);
  for (const lane of lanes.values()) {
    const l = byRet.length;
    const sorted = [...lane].sort((a, b) => ops[a]!.ret - ops[b]!.ret || a - b);
    sorted.forEach((i, r) => {
      laneOf[i] = l;
      rank[i] = r;
    });
    for (const i of lane) {
      let k = 0;
      while (k < sorted.length && ops[sorted[k]!]!.ret < ops[i]!.call) k++;
      need[i] = k;
    }
    byRet.push(sorted);
  }
  /** Per lane: how many of its operations, in completion order, are placed without a gap. */
  const prefix = new Int32Array(byRet.length);
  const placed = new Uint8Array(n);
  const keyIndex = new Map<string, number>();
  for (const op of ops) if (!keyIndex.has(op.key)) keyIndex.set(op.key, keyIndex.size);
  const keyOf = ops.map((o) => keyIndex.get(o.key)!);
  const values: RegisterState[] = new Array<RegisterState>(keyIndex.size).fill(INITIAL);
  const valueIds = new Map<RegisterState, number>();
  const idOf = (v: RegisterState) => {
    let id = valueIds.get(v);
    if (id === undefined) valueIds.set(v, (id = valueIds.size));
    return id;
  };
  // (placed set, values) pairs tried, by a hash kept up to date as operations are placed
  // and values change (Zobrist), each checked in full against its bucket.
  const words = (n + 31) >> 5;
  // The placed set's bits, then each key's value as a number: one array, remembered whole.
  const bits = new Uint32Array(words + keyIndex.size);
  const zOp = zobrist(n, 0x9e3779b9);
  const zKey = zobrist(keyIndex.size, 0x85ebca6b);
  const valueHash = (k: number, v: RegisterState) => Math.imul(zKey[k]! ^ (idOf(v) + 1), 0x27d4eb2d);
  let hash = 0;
  for (let k = 0; k < values.length; k++) {
    hash ^= valueHash(k, values[k]!);
    bits[words + k] = idOf(values[k]!);
  }
  const seen = new PairSet(words + keyIndex.size);
  /** Remember the current pair; false if it was already tried. */
  const remember = (): boolean => seen.add(hash, bits, 0);
  const setValue = (k: number, v: RegisterState) => {
    hash ^= valueHash(k, values[k]!) ^ valueHash(k, v);
    values[k] = v;
    bits[words + k] = idOf(v);
  };
  const place = (i: number) => {
    placed[i] = 1;
    bits[i >> 5]! |= 1 << (i & 31);
    hash ^= zOp[i]!;
    const l = laneOf[i]!;
    const lane = byRet[l]!;
    while (prefix[l]! < lane.length && placed[lane[prefix[l]!]!] === 1) prefix[l]!++;
  };
  const unplace = (i: number) => {
    placed[i] = 0;
    bits[i >> 5]! &= ~(1 << (i & 31));
    hash ^= zOp[i]!;
    const l = laneOf[i]!;
    if (rank[i]! < prefix[l]!) prefix[l] = rank[i]!;
  };
  // The path: each step's operation, the value it replaced, and the next choice to try there.
  const taken: { op: number; before: RegisterState; next: number }[] = [];
  let longest: number[] = [];
  let steps = 0;
  /** Answered operations on the path: the search is done when all are. */
  let done = 0;
  let choice = 0;
  remember();
  for (;;) {
    if (++steps > budget) return { result: 'unknown', order: [], longest, steps };
    if (done === answered) return { result: 'satisfied', order: taken.map((t) => ops[t.op]!.id), longest, steps };
    let moved = false;
    /** No order from here works: a forced move led to a pair already tried. */
    let dead = false;
    // A read that can take effect here, or a compare-and-swap known to have failed, is
    // placed at once with no other choice tried: it changes nothing, so moving it to the
    // front of any order that works still works (everything its process did before it is
    // placed, and nothing placed after it could see it).
    if (choice === 0) {
      for (let i = 0; i < n; i++) {
        if (placed[i] === 1 || prefix[laneOf[i]!]! < need[i]!) continue;
        const op = ops[i]!;
        if (!(op.f === 'read' || (op.f === 'cas' && op.swapped === false))) continue;
        const k = keyOf[i]!;
        if (step(values[k]!, op) !== values[k]) continue;
        place(i);
        if (!remember()) {
          // Tried before, and nothing worked: nor will anything here, as it could start with this.
          unplace(i);
          dead = true;
          break;
        }
        taken.push({ op: i, before: values[k]!, next: n });
        if (!isOpen(op)) done++;
        moved = true;
        break;
      }
    }
    for (; !moved && !dead && choice < n; choice++) {
      const i = choice;
      if (placed[i] === 1 || prefix[laneOf[i]!]! < need[i]!) continue;
      const op = ops[i]!;
      const k = keyOf[i]!;
      const before = values[k]!;
      const after = step(before, op);
      if (after === undefined) continue;
      setValue(k, after);
      place(i);
      if (!remember()) {
        unplace(i);
        setValue(k, before);
        continue;
      }
      taken.push({ op: i, before, next: choice + 1 });
      if (!isOpen(op)) done++;
      choice = 0;
      moved = true;
      break;
    }
    if (moved) continue;
    if (taken.length > longest.length) longest = taken.map((t) => ops[t.op]!.id);
    const back = taken.pop();
    if (!back) return { result: 'violated', order: [], longest, steps };
    unplace(back.op);
    if (!isOpen(ops[back.op]!)) done--;
    setValue(keyOf[back.op]!, back.before);
    choice = back.next;
  }
}

