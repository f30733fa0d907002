import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causalConsistency } from './causal.ts';
import type { HistoryOp } from './history.ts';
import { sequentiallyConsistent } from './sequential.ts';
import { causalStoreRun, history, namingWrites, opened, sequentialRun, type Row } from './testing/causalHistories.ts';
import type { Verdict } from './verdict.ts';

/** A verdict in brief: its result, and for a violation the pattern, the witness's operations (sorted) and key. */
function brief(v: Verdict) {
  if (v.result !== 'violated') return v.result;
  return { pattern: v.witness.pattern, ops: [...v.witness.ops].sort((a, b) => a - b), key: v.witness.key };
}

/** Both verdicts in brief. */
function check(ops: readonly HistoryOp[], ignoreReadsFrom = false) {
  const { cc, ccv } = causalConsistency(ops, { ignoreReadsFrom });
  return { cc: brief(cc), ccv: brief(ccv) };
}

/** Both verdicts the same violation. */
const bothBroken = (pattern: string, ops: number[], key: string) => ({ cc: { pattern, ops, key }, ccv: { pattern, ops, key } });

describe('causal consistency: the bad patterns of Bouajjani et al., one history each', () => {
  it('ThinAirRead: a read returns a value nobody wrote', () => {
    expect(check(history(['a', 'w', 'x', 1], ['b', 'r', 'x', 7]))).toEqual(bothBroken('ThinAirRead', [1], 'x'));
  });

  it('CyclicCO: a process reads its own write before making it', () => {
    expect(check(history(['a', 'r', 'x', 1], ['a', 'w', 'x', 1]))).toEqual(bothBroken('CyclicCO', [0, 1], 'x'));
  });

  it('CyclicCO across processes: each reads the write the other makes afterwards', () => {
    const h = history(['a', 'r', 'x', 1], ['a', 'w', 'y', 1], ['b', 'r', 'y', 1], ['b', 'w', 'x', 1]);
    expect(check(h)).toEqual(bothBroken('CyclicCO', [0, 1, 2, 3], ''));
    // The witness reads as the cycle: a's read of x, po to its write of y, b's read of that,
    // po to b's write of x, which a's read saw.
    const v = causalConsistency(h).cc;
    expect(v.result === 'violated' && v.witness.ops).toEqual([0, 1, 2, 3]);
  });

  it('WriteCOInitRead: a process does not read its own write (read-your-writes)', () => {
    expect(check(history(['a', 'w', 'x', 1], ['a', 'r', 'x', null]))).toEqual(bothBroken('WriteCOInitRead', [0, 1], 'x'));
  });

  it('WriteCOInitRead: “First!” is seen without the “Hello” it answers', () => {
    const h = history(
      ['A', 'w', 'post', 'Hello'],
      ['B', 'r', 'post', 'Hello'],
      ['B', 'w', 'reply', 'First!'],
      ['C', 'r', 'reply', 'First!'],
      ['C', 'r', 'post', null],
    );
    // The whole causal chain is the witness, in causal order: Hello, read, reply, read, the empty read.
    const v = causalConsistency(h).cc;
    expect(v.result === 'violated' && v.witness).toEqual({ pattern: 'WriteCOInitRead', ops: [0, 1, 2, 3, 4], partial: [], key: '' });
  });

  it('WriteCORead: a read goes back to a value its process already saw overwritten (monotonic reads)', () => {
    const h = history(['a', 'w', 'x', 1], ['a', 'w', 'x', 2], ['b', 'r', 'x', 2], ['b', 'r', 'x', 1]);
    expect(check(h)).toEqual(bothBroken('WriteCORead', [0, 1, 2, 3], 'x'));
  });

  it('WriteCORead through a reader: b saw x = 1 and then wrote x = 2, so whoever saw 2 may not go back to 1', () => {
    const h = history(['a', 'w', 'x', 1], ['b', 'r', 'x', 1], ['b', 'w', 'x', 2], ['c', 'r', 'x', 2], ['c', 'r', 'x', 1]);
    expect(check(h).cc).toEqual({ pattern: 'WriteCORead', ops: [0, 1, 2, 3, 4], key: 'x' });
  });

  it('siblings: a register read that returns two values at once', () => {
    const h = history(['a', 'w', 'x', 1], ['b', 'w', 'x', 2], ['c', 'r', 'x', [1, 2]]);
    expect(check(h)).toEqual(bothBroken('siblings', [0, 1, 2], 'x'));
    expect(check(namingWrites(h))).toEqual(bothBroken('siblings', [0, 1, 2], 'x'));
  });

  it('CyclicCF: causal, but two readers see two concurrent writes in opposite orders for good', () => {
    const h = history(['a', 'w', 'x', 1], ['b', 'w', 'x', 2], ['c', 'r', 'x', 1], ['c', 'r', 'x', 2], ['d', 'r', 'x', 2], ['d', 'r', 'x', 1]);
    expect(check(h)).toEqual({ cc: 'satisfied', ccv: { pattern: 'CyclicCF', ops: [0, 1, 2, 3, 4, 5], key: 'x' } });
  });

  it('CyclicCF with two processes: each writes, then sees the other’s write win', () => {
    const h = history(['a', 'w', 'x', 1], ['b', 'w', 'x', 2], ['a', 'r', 'x', 2], ['b', 'r', 'x', 1]);
    expect(check(h)).toEqual({ cc: 'satisfied', ccv: { pattern: 'CyclicCF', ops: [0, 1, 2, 3], key: 'x' } });
  });
});

describe('causal consistency: where it sits among the models', () => {
  it('is weaker than sequential consistency: each process writes, then misses the other’s write', () => {
    const h = history(['a', 'w', 'x', 1], ['b', 'w', 'y', 1], ['a', 'r', 'y', null], ['b', 'r', 'x', null]);
    expect(check(h)).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
    expect(sequentiallyConsistent(h).result).toBe('violated');
  });

  it('when convergent, gives an arbitration: one order of the writes every read agrees with', () => {
    const h = history(['a', 'w', 'x', 1], ['b', 'w', 'x', 2], ['c', 'r', 'x', 1], ['c', 'r', 'x', 2], ['d', 'r', 'x', 2]);
    const v = causalConsistency(h).ccv;
    const order = v.result === 'satisfied' ? v.order ?? [] : [];
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    // c saw 1 then 2, so 2 is arbitrated last.
    expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
  });
});

describe('causal consistency: what a read saw, and operations without an answer', () => {
  it('an open write that no read saw may never have taken effect', () => {
    expect(check(opened(history(['a', 'w', 'x', 1], ['b', 'r', 'x', 1], ['b', 'r', 'x', null]), 0))).toEqual(bothBroken('WriteCOInitRead', [0, 1, 2], 'x'));
    expect(check(opened(history(['a', 'w', 'x', 1], ['a', 'r', 'x', null]), 0))).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
  });

  it('open reads and reads with an unknown answer say nothing', () => {
    const h = history(['a', 'w', 'x', 1], ['a', 'r', 'x', undefined], ['a', 'r', 'x', 5], ['b', 'r', 'x', 7]);
    expect(check(opened(h, 2, 3))).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
  });

  it('uses the writes a read names, when every read names them, even if values repeat', () => {
    // x = 1 twice; b reads the second, then the first: overwritten.
    const h = namingWrites(history(['a', 'w', 'x', 1], ['a', 'w', 'x', 1], ['b', 'r', 'x', 1], ['b', 'r', 'x', 1]));
    const named = h.map((o) => (o.f === 'read' ? { ...o, readsFrom: [o.id === 2 ? 1 : 0] } : o));
    expect(check(named)).toEqual(bothBroken('WriteCORead', [0, 1, 2, 3], 'x'));
    // From values alone the same history cannot be judged.
    const v = causalConsistency(named, { ignoreReadsFrom: true }).cc;
    expect(v.result === 'unknown' && v.reason).toBe('a value is written twice on key x, so which write a read saw is not known');
  });

  it('works from values when a read does not name its writes', () => {
    const h = namingWrites(history(['a', 'w', 'x', 1], ['a', 'w', 'x', 2], ['b', 'r', 'x', 2], ['b', 'r', 'x', 1]));
    const partly = h.map((o) => (o.id === 3 && o.f === 'read' ? { ...o, readsFrom: undefined } : o));
    expect(check(partly)).toEqual(bothBroken('WriteCORead', [0, 1, 2, 3], 'x'));
  });

  it('a value written twice that no read returned is no obstacle', () => {
    expect(check(history(['a', 'w', 'x', 1], ['b', 'w', 'x', 1], ['a', 'w', 'x', 2], ['b', 'r', 'x', 2]))).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
  });

  it('says unknown when a write of nothing makes a read of nothing ambiguous, or a read names what it did not return', () => {
    const v = causalConsistency(history(['a', 'w', 'x', null], ['b', 'r', 'x', null])).cc;
    expect(v.result).toBe('unknown');
    const wrong = namingWrites(history(['a', 'w', 'x', 1], ['a', 'w', 'x', 2], ['b', 'r', 'x', 2])).map((o) => (o.f === 'read' ? { ...o, readsFrom: [0] } : o));
    expect(causalConsistency(wrong).ccv.result).toBe('unknown');
  });

  it('says unknown for a compare-and-swap, in plain words', () => {
    const h: HistoryOp[] = [...history(['a', 'w', 'x', 1]), { id: 1, process: 'b', key: 'x', f: 'cas', expect: 1, value: 2, swapped: true, call: 2, ret: 3, source: 1 }];
    const { cc, ccv } = causalConsistency(h);
    expect(cc.result === 'unknown' && cc.reason).toMatch(/compare-and-swap/);
    expect(ccv).toEqual(cc);
  });
});

/**
 * Causal consistency and convergence by their definitions, by brute force, for tiny
 * histories of completed reads and writes, each value written once per key, no siblings.
 * The causal order is (po ∪ wr)+: a larger one would only put more writes in a read's
 * past, so if any serves, this one does. CC: for each read, some order of its causal past
 * (extending co) in which its write is the last of its key (none, for a read of nothing).
 * CCv: one order of all operations, extending co, doing that for every read at once.
 */
function byDefinition(ops: readonly HistoryOp[]): { cc: boolean; ccv: boolean } {
  const all = ops.map((_, i) => i);
  const src = ops.map((r) => (r.f !== 'read' || r.value === null ? -1 : ops.findIndex((w) => w.f === 'write' && w.key === r.key && w.value === r.value)));
  if (ops.some((r, i) => r.f === 'read' && r.value !== null && src[i] === -1)) return { cc: false, ccv: false };
  const co = ops.map((a, i) => ops.map((b, j) => (a.process === b.process && a.call < b.call) || src[j] === i));
  for (const k of all) for (const i of all) for (const j of all) co[i]![j] ||= co[i]![k]! && co[k]![j]!;
  if (all.some((i) => co[i]![i])) return { cc: false, ccv: false };
  const reads = all.filter((i) => ops[i]!.f === 'read');
  const lastIsItsWrite = (order: number[], r: number) => (order.filter((o) => ops[o]!.f === 'write' && ops[o]!.key === ops[r]!.key && co[o]![r]).at(-1) ?? -1) === src[r];
  const someOrder = (nodes: number[], test: (order: number[]) => boolean, order: number[] = []): boolean =>
    nodes.length === 0
      ? test(order)
      : nodes.some((v) => !nodes.some((u) => co[u]![v]) && someOrder(nodes.filter((u) => u !== v), test, [...order, v]));
  return {
    cc: reads.every((r) => someOrder(all.filter((o) => co[o]![r]), (order) => lastIsItsWrite(order, r))),
    ccv: someOrder(all, (order) => reads.every((r) => lastIsItsWrite(order, r))),
  };
}

/** Tiny histories: up to 7 operations by 3 processes, mostly on one key; reads return any value written on their key (before or after, by anyone), sometimes nothing, or one never written. */
const tiny = fc.array(fc.record({ p: fc.nat(2), write: fc.boolean(), key: fc.constantFrom(0, 0, 0, 1), pick: fc.nat(9) }), { minLength: 1, maxLength: 7 }).map((steps) =>
  history(
    ...steps.map(({ p, write, key, pick }, i): Row => {
      const k = key ? 'y' : 'x';
      if (write) return [`p${p}`, 'w', k, i + 1];
      const written = steps.flatMap((s, j) => (s.write && s.key === key ? [j + 1] : []));
      return [`p${p}`, 'r', k, pick === 9 ? 99 : pick === 8 || written.length === 0 ? null : written[pick % written.length]!];
    }),
  ),
);

/** Three processes each write x once, then read it a few times: concurrent writes seen in some order, the ground CCv stands on. */
const crossed = fc.array(fc.record({ p: fc.nat(2), value: fc.nat(2) }), { minLength: 1, maxLength: 4 }).map((reads) =>
  history(...[0, 1, 2].map((p): Row => [`p${p}`, 'w', 'x', p + 1]), ...reads.map(({ p, value }): Row => [`p${p}`, 'r', 'x', value + 1])),
);

const steps = fc.array(fc.record({ process: fc.nat(3), write: fc.boolean(), key: fc.nat(2) }), { maxLength: 80 });

describe('causal consistency: properties', () => {
  it('agrees with the definitions, by brute force, on every tiny history; its witness alone still breaks the model', () => {
    // Seen to fail when the checker was broken on purpose, then restored. With the
    // WriteCORead check dropped it failed after 26 runs, shrunk to one process writing
    // x = 1, x = 2 and reading 1; with conflict edges never added, after 8 runs (p2 writes 3
    // and reads 2, p1 writes 2 and reads 3: CCv said satisfied); with WriteCOInitRead
    // dropped, after 82 runs. (Under 1 in 250 `tiny` histories break CCv alone: `crossed`
    // is there so a lost conflict edge is caught in a few runs, not by luck.)
    fc.assert(
      fc.property(fc.oneof(tiny, crossed), (ops) => {
        const want = byDefinition(ops);
        for (const got of [causalConsistency(ops), causalConsistency(namingWrites(ops))]) {
          expect({ cc: got.cc.result, ccv: got.ccv.result }).toEqual({ cc: want.cc ? 'satisfied' : 'violated', ccv: want.ccv ? 'satisfied' : 'violated' });
          for (const v of [got.cc, got.ccv]) {
            if (v.result !== 'violated') continue;
            const kept = new Set(v.witness.ops);
            const again = causalConsistency(ops.filter((o) => kept.has(o.id)));
            expect(brief(again.ccv)).toMatchObject({ pattern: v.witness.pattern });
          }
        }
        // Sequential consistency is stronger still.
        if (sequentiallyConsistent(ops).result === 'satisfied') expect(want.ccv).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('a sequential run, every read seeing the latest write, is causally consistent and convergent', () => {
    fc.assert(
      fc.property(steps, fc.boolean(), (run, open) => {
        const ops = sequentialRun(run, open);
        expect(check(ops)).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
        expect(check(ops, true)).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
      }),
      { numRuns: 200 },
    );
  });

  it('a run of a store with causal delivery is causally consistent; with last writer wins, convergent too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), (seed, processes, keys) => {
        expect(check(causalStoreRun({ seed, processes, keys, ops: 120, convergent: false })).cc).toBe('satisfied');
        expect(check(causalStoreRun({ seed, processes, keys, ops: 120, convergent: true }))).toEqual({ cc: 'satisfied', ccv: 'satisfied' });
      }),
      { numRuns: 150 },
    );
  });

  it('checks a 3,000-operation history well within a second', () => {
    const ops = causalStoreRun({ seed: 7, processes: 8, keys: 4, ops: 3000, convergent: true });
    const started = performance.now();
    const { cc, ccv } = causalConsistency(ops);
    const took = performance.now() - started;
    expect([cc.result, ccv.result]).toEqual(['satisfied', 'satisfied']);
    expect(took).toBeLessThan(1000);
  });
});

