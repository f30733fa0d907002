import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen, type HistoryOp, type Scalar } from './history.ts';
import { INITIAL, step, type RegisterState } from './registerModel.ts';
import { sequentiallyConsistent } from './sequential.ts';

/**
 * The definition, tried by brute force: some order of the operations, keeping each
 * process's order (a before b when a returned before b was called), with every answered
 * operation in it and each open one in it or left out, in which each key acts as a
 * register. No memo, no shortcut: small histories only.
 */
function bruteForce(ops: readonly HistoryOp[]): boolean {
  const n = ops.length;
  const used = new Array<boolean>(n).fill(false);
  const values = new Map<string, RegisterState>();
  const ready = (i: number) => ops.every((o, j) => j === i || used[j] || !(o.process === ops[i]!.process && o.ret < ops[i]!.call));
  const go = (): boolean => {
    if (ops.every((o, i) => used[i] || isOpen(o))) return true;
    for (let i = 0; i < n; i++) {
      if (used[i] || !ready(i)) continue;
      const op = ops[i]!;
      const before = values.has(op.key) ? values.get(op.key)! : INITIAL;
      const after = step(before, op);
      if (after === undefined) continue;
      used[i] = true;
      values.set(op.key, after);
      const ok = go();
      used[i] = false;
      values.set(op.key, before);
      if (ok) return true;
    }
    return false;
  };
  return go();
}

const value = fc.constantFrom<Scalar | null>(null, 1, 2);
const opSpec = fc.record({
  f: fc.constantFrom('write', 'read', 'read', 'cas'),
  key: fc.constantFrom('x', 'x', 'y', 'z'),
  value,
  // A read may answer siblings (no register does) or nothing known.
  read: fc.constantFrom<Scalar | null | readonly Scalar[] | undefined>(null, 1, 2, undefined, [1, 2]),
  swapped: fc.constantFrom<boolean | undefined>(true, false, undefined),
  // Negative: the operation starts before its process's previous one has returned (a client with several in flight).
  gap: fc.integer({ min: -4, max: 6 }),
  length: fc.integer({ min: 1, max: 6 }),
});

/** Up to three processes of up to three operations each, in order of call in each process (some overlapping), the last one maybe open. */
const histories = fc
  .array(fc.record({ start: fc.integer({ min: 0, max: 8 }), ops: fc.array(opSpec, { minLength: 1, maxLength: 3 }), lastOpen: fc.boolean() }), { minLength: 1, maxLength: 3 })
  .map((processes) => {
    const ops: HistoryOp[] = [];
    processes.forEach((p, pi) => {
      let t = p.start;
      let lastCall = p.start;
      p.ops.forEach((s, k) => {
        const call = Math.max(lastCall + 1, t + s.gap);
        const open = p.lastOpen && k === p.ops.length - 1;
        const ret = open ? Infinity : call + s.length;
        t = ret;
        lastCall = call;
        const base = { id: ops.length, process: `p${pi}`, key: s.key, call, ret, source: ops.length };
        if (s.f === 'write') ops.push({ ...base, f: 'write', value: s.value });
        else if (s.f === 'read') ops.push({ ...base, f: 'read', value: open ? undefined : s.read });
        else ops.push({ ...base, f: 'cas', expect: s.value, value: s.value === 1 ? 2 : 1, swapped: open ? undefined : s.swapped });
      });
    });
    return ops;
  });

/*
 * Seen to fail against three broken searches: one that placed at once any operation that
 * left its key's value as it was (a write of the value a key already holds is not free to
 * move), one that placed such a read before its own process's earlier operations, and one
 * that never placed an open write.
 */
describe('sequential consistency against its definition', () => {
  it('agrees with a brute-force search on every small history of reads, writes and compare-and-swaps, open or answered', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const got = sequentiallyConsistent(ops, 1_000_000, false).result;
        expect(got).toBe(bruteForce(ops) ? 'satisfied' : 'violated');
      }),
      { numRuns: 1500 },
    );
  });
});
