import { byKey, isOpen, type HistoryOp } from './history.ts';
import { INITIAL, step, type RegisterState } from './registerModel.ts';
import { PairSet, zobrist } from './memo.ts';
import { shrink } from './shrink.ts';
import type { Verdict } from './verdict.ts';

/** Steps of the search across all keys before it answers "unknown". */
export const LINEARIZABILITY_BUDGET = 3_000_000;

/**
 * Linearizability of a key-value history: each key's operations must appear to take
 * effect one at a time, each at some instant between its call and its return, in an
 * order a single register would answer the same way. A key-value history is linearizable
 * exactly when each key's history is (linearizability is local), so keys are checked one
 * by one, as Porcupine does.
 *
 * The search is Wing and Gong's, with Lowe's memoisation: operations are taken in
 * call/return order; a call whose operation can go next is tried, a return whose
 * operation has not been placed means backtracking, and a (set of operations placed,
 * register state) pair already tried is not tried again. An open operation's return is
 * at the end of time: it may take effect at any moment after its call, or never.
 *
 * @example linearizable(history.ops).result // 'satisfied' | 'violated' | 'unknown'
 */
export function linearizable(ops: readonly HistoryOp[], budget = LINEARIZABILITY_BUDGET, witness = true): Verdict {
  const order: number[] = [];
  let left = budget;
  for (const [key, keyOps] of byKey(ops)) {
    const r = searchKey(keyOps, left);
    left -= r.steps;
    if (r.result === 'unknown') return { result: 'unknown', reason: `the search went past ${budget.toLocaleString('en')} steps on key ${key === '' ? 'of the register' : key}` };
    if (r.result === 'violated') return { result: 'violated', witness: { key, partial: r.partial, ops: witness ? shrinkWitness(keyOps, r.partial, left) : [] } };
    order.push(...r.order);
  }
  return { result: 'satisfied', order };
}

type KeyResult = { result: 'satisfied'; order: number[]; steps: number } | { result: 'violated'; partial: number[]; steps: number } | { result: 'unknown'; steps: number };

/** The Wing–Gong–Lowe search over one key's operations. */
function searchKey(ops: readonly HistoryOp[], budget: number): KeyResult {
  const n = ops.length;
  // Entries: 2i is operation i's call, 2i + 1 its return, in time order (calls before returns at one instant).
  const entries = Array.from({ length: 2 * n }, (_, e) => e);
  const time = (e: number) => (e & 1 ? ops[e >> 1]!.ret : ops[e >> 1]!.call);
  entries.sort((a, b) => time(a) - time(b) || (a & 1) - (b & 1) || a - b);
  // A doubly linked list over the entries, with a head at index 2n.
  const HEAD = 2 * n;
  const next = new Int32Array(2 * n + 1).fill(-1);
  const prev = new Int32Array(2 * n + 1).fill(-1);
  let last = HEAD;
  for (const e of entries) {
    next[last] = e;
    prev[e] = last;
    last = e;
  }
  const unlink = (e: number) => {
    next[prev[e]!] = next[e]!;
    if (next[e]! >= 0) prev[next[e]!] = prev[e]!;
  };
  const relink = (e: number) => {
    next[prev[e]!] = e;
    if (next[e]! >= 0) prev[next[e]!] = e;
  };
  const keys = zobrist(n);
  const words = (n + 31) >> 5;
  const placed = new Uint32Array(words);
  let setHash = 0;
  // Remembered (placed set, state) pairs, in an open-addressing table (memo.ts); states by a small number each.
  const seen = new PairSet(words);
  const stateIds = new Map<RegisterState, number>();
  const stateId = (s: RegisterState) => {
    let id = stateIds.get(s);
    if (id === undefined) stateIds.set(s, (id = stateIds.size));
    return id;
  };
  const callOps: number[] = [];
  const callStates: RegisterState[] = [];
  let longest: number[] = [];
  let state: RegisterState = INITIAL;
  let entry = next[HEAD]!;
  let steps = 0;
  while (next[HEAD]! >= 0) {
    if (++steps > budget) return { result: 'unknown', steps };
    if (entry >= 0 && (entry & 1) === 0) {
      // A call: try to place its operation now.
      const op = entry >> 1;
      const after = step(state, ops[op]!);
      if (after !== undefined) {
        placed[op >> 5]! |= 1 << (op & 31);
        const sid = stateId(after);
        const h = setHash ^ keys[op]! ^ Math.imul(sid + 1, 0x9e3779b1);
        if (seen.add(h, placed, sid)) {
          callOps.push(op);
          callStates.push(state);
          setHash ^= keys[op]!;
          state = after;
          unlink(entry);
          unlink(entry + 1);
          entry = next[HEAD]!;
          continue;
        }
        placed[op >> 5]! &= ~(1 << (op & 31));
      }
      entry = next[entry]!;
    } else {
      // A return whose operation is not placed (or the end of the list): undo the last placement.
      if (callOps.length > longest.length) longest = callOps.map((c) => ops[c]!.id);
      const op = callOps.pop();
      if (op === undefined) return { result: 'violated', partial: longest, steps };
      state = callStates.pop()!;
      placed[op >> 5]! &= ~(1 << (op & 31));
      setHash ^= keys[op]!;
      relink(2 * op + 1);
      relink(2 * op);
      entry = next[2 * op]!;
    }
  }
  return { result: 'satisfied', order: callOps.map((c) => ops[c]!.id), steps };
}

/**
 * The smallest set of operations of one key found that still cannot be linearized
 * (shrink.ts); past the budget, the operations the longest partial order left unplaced.
 */
export function shrinkWitness(ops: readonly HistoryOp[], partial: readonly number[], budget: number): number[] {
  let left = Math.min(budget, 400_000);
  const kept = shrink(ops, (candidate) => {
    if (left <= 0) return false;
    const r = searchKey(candidate, left);
    left -= r.steps;
    return r.result === 'violated';
  });
  if (kept.length === ops.length && left <= 0) {
    const done = new Set(partial);
    return ops.filter((o) => !done.has(o.id) && !isOpen(o)).map((o) => o.id);
  }
  return kept.map((o) => o.id);
}
