import { isOpen, type HistoryOp } from './history.ts';
import { INITIAL, step, type RegisterState } from './registerModel.ts';
import { shrink } from './shrink.ts';
import type { Verdict } from './verdict.ts';

/** Steps of the search before it answers "unknown". */
export const SEQUENTIAL_BUDGET = 2_000_000;

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
 * whole), so the search runs on the whole history: a depth-first search over how far each
 * process has got, remembering (positions, values) pairs already tried. The problem is
 * NP-complete in general; past its budget the answer is "unknown". An open operation (no
 * answer) takes its place in its process's order, with its effect or without it.
 *
 * @example sequentiallyConsistent(history.ops).result
 */
export function sequentiallyConsistent(ops: readonly HistoryOp[], budget = SEQUENTIAL_BUDGET, witness = true): Verdict {
  const s = search(ops, budget);
  if (s.result === 'satisfied') return { result: 'satisfied', order: s.order };
  if (s.result === 'unknown') return { result: 'unknown', reason: `the search went past ${budget.toLocaleString('en')} steps` };
  let left = Math.min(budget, 400_000);
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

function search(ops: readonly HistoryOp[], budget: number): Search {
  // Each process's operations in the order it issued them.
  const byProcess = new Map<string, HistoryOp[]>();
  for (const op of [...ops].sort((a, b) => a.call - b.call || a.id - b.id)) {
    const list = byProcess.get(op.process);
    if (list) list.push(op);
    else byProcess.set(op.process, [op]);
  }
  const lanes = [...byProcess.values()];
  const keyIndex = new Map<string, number>();
  for (const op of ops) if (!keyIndex.has(op.key)) keyIndex.set(op.key, keyIndex.size);
  const values: RegisterState[] = new Array<RegisterState>(keyIndex.size).fill(INITIAL);
  const valueIds = new Map<RegisterState, number>();
  const idOf = (v: RegisterState) => {
    let id = valueIds.get(v);
    if (id === undefined) valueIds.set(v, (id = valueIds.size));
    return id;
  };
  const pos = new Array<number>(lanes.length).fill(0);
  const seen = new Set<string>();
  const total = ops.length;
  // The path: which lane each step took, whether with effect, and the value it replaced.
  const taken: { lane: number; key: number; before: RegisterState; next: number }[] = [];
  let longest: number[] = [];
  let steps = 0;
  let done = 0;
  // The next choice to try at the current depth: lane * 2 + (1: the open op without effect).
  let choice = 0;
  const memo = () => `${pos.join(',')}|${values.map(idOf).join(',')}`;
  seen.add(memo());
  for (;;) {
    if (++steps > budget) return { result: 'unknown', order: [], longest, steps };
    if (done === total) return { result: 'satisfied', order: orderOf(taken, lanes), longest, steps };
    let moved = false;
    for (; choice < lanes.length * 2; choice++) {
      const lane = choice >> 1;
      const op = lanes[lane]![pos[lane]!];
      if (!op) continue;
      const withoutEffect = (choice & 1) === 1;
      if (withoutEffect && !isOpen(op)) continue;
      const k = keyIndex.get(op.key)!;
      const before = values[k]!;
      const after = withoutEffect ? before : step(before, op);
      if (after === undefined) continue;
      values[k] = after;
      pos[lane]!++;
      const key = memo();
      if (seen.has(key)) {
        pos[lane]!--;
        values[k] = before;
        continue;
      }
      seen.add(key);
      taken.push({ lane, key: k, before, next: choice + 1 });
      done++;
      choice = 0;
      moved = true;
      break;
    }
    if (moved) continue;
    if (taken.length > longest.length) longest = orderOf(taken, lanes);
    const back = taken.pop();
    if (!back) return { result: 'violated', order: [], longest, steps };
    pos[back.lane]!--;
    values[back.key] = back.before;
    done--;
    choice = back.next;
  }
}

/** The history ids along the path taken. */
function orderOf(taken: readonly { lane: number }[], lanes: readonly HistoryOp[][]): number[] {
  const at = new Array<number>(lanes.length).fill(0);
  return taken.map((t) => lanes[t.lane]![at[t.lane]!++]!.id);
}
