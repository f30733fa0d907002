import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gCounter } from './gCounter.ts';
import { gSet } from './gSet.ts';
import { observedTags, orSet, type OrSetState } from './orSet.ts';
import { pnCounter } from './pnCounter.ts';
import { twoPhaseSet } from './twoPhaseSet.ts';
import type { Crdt } from './types.ts';

const REPLICAS = ['A', 'B', 'C'] as const;
type Step<Op> = { kind: 'op'; replica: number; op: Op } | { kind: 'sync'; from: number; to: number };

const item = fc.constantFrom('TV', 'book', 'lamp');
const setOp = fc.record({ type: fc.constantFrom('add' as const, 'remove' as const), item });
const counterOp = fc.record({ type: fc.constantFrom('inc' as const, 'dec' as const), by: fc.integer({ min: 1, max: 3 }) });

function steps<Op>(op: fc.Arbitrary<Op>): fc.Arbitrary<Step<Op>[]> {
  const replica = fc.integer({ min: 0, max: REPLICAS.length - 1 });
  return fc.array(fc.oneof(fc.record({ kind: fc.constant('op' as const), replica, op }), fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica })), { maxLength: 30 });
}

/** Run a history: every state any replica passed through, and where each ended. */
function play<S, Op>(crdt: Crdt<S, Op, unknown>, history: Step<Op>[]) {
  const states = REPLICAS.map(() => crdt.empty());
  const counters = REPLICAS.map(() => 0);
  const seen: S[] = [crdt.empty()];
  const applied: { replica: number; op: Op; tag: string; before: S }[] = [];
  for (const s of history) {
    if (s.kind === 'op') {
      const tag = `${REPLICAS[s.replica]}${++counters[s.replica]!}`;
      applied.push({ replica: s.replica, op: s.op, tag, before: states[s.replica]! });
      states[s.replica] = crdt.apply(states[s.replica]!, s.op, REPLICAS[s.replica]!, tag);
    } else {
      states[s.to] = crdt.merge(states[s.to]!, states[s.from]!);
    }
    seen.push(...states);
  }
  return { states, seen, applied };
}

function laws<S, Op>(name: string, crdt: Crdt<S, Op, unknown>, op: fc.Arbitrary<Op>) {
  describe(`${name}: merge laws and convergence`, () => {
    it('merge is commutative, associative and idempotent on every reachable state', () => {
      fc.assert(
        fc.property(steps(op), fc.nat(), fc.nat(), fc.nat(), (history, i, j, k) => {
          const { seen } = play(crdt, history);
          const [a, b, c] = [seen[i % seen.length]!, seen[j % seen.length]!, seen[k % seen.length]!];
          expect(crdt.equals(crdt.merge(a, b), crdt.merge(b, a))).toBe(true);
          expect(crdt.equals(crdt.merge(crdt.merge(a, b), c), crdt.merge(a, crdt.merge(b, c)))).toBe(true);
          expect(crdt.equals(crdt.merge(a, a), a)).toBe(true);
        }),
      );
    });

    it('converges whatever the order of deliveries, and however often they repeat', () => {
      fc.assert(
        fc.property(steps(op), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 12 }), (history, order) => {
          const { states } = play(crdt, history);
          const everything = states.reduce((acc, s) => crdt.merge(acc, s), crdt.empty());
          // Each replica receives the others' final states in the generated order, repeats and all.
          const finals = states.map((own, r) => [...order, 0, 1, 2].filter((x) => x !== r).reduce((acc, x) => crdt.merge(acc, states[x]!), own));
          for (const f of finals) expect(crdt.equals(f, everything)).toBe(true);
        }),
      );
    });
  });
}

laws('G-Counter', gCounter, fc.constant({ type: 'inc' as const }));
laws('PN-Counter', pnCounter, counterOp);
laws('G-Set', gSet, item.map((i) => ({ type: 'add' as const, item: i })));
laws('2P-Set', twoPhaseSet, setOp);
laws('OR-Set', orSet, setOp);

describe('what each data type promises', () => {
  it('counters count every increment and decrement exactly once, whatever the syncing', () => {
    fc.assert(
      fc.property(steps(counterOp), (history) => {
        const { states } = play(pnCounter, history);
        const all = states.reduce((acc, s) => pnCounter.merge(acc, s), pnCounter.empty());
        const expected = history.reduce((n, s) => (s.kind === 'op' ? n + (s.op.type === 'inc' ? s.op.by : -s.op.by) : n), 0);
        expect(pnCounter.value(all)).toBe(expected);
      }),
    );
  });

  it('the OR-Set keeps exactly the items with an add no remove observed', () => {
    fc.assert(
      fc.property(steps(setOp), (history) => {
        const { states, applied } = play(orSet, history);
        const all = states.reduce((acc, s) => orSet.merge(acc, s), orSet.empty());
        const removedTags = new Set(applied.filter((a) => a.op.type === 'remove').flatMap((a) => observedTags(a.before as OrSetState, a.op.item)));
        const expected = [...new Set(applied.filter((a) => a.op.type === 'add' && !removedTags.has(a.tag)).map((a) => a.op.item))].sort();
        expect(orSet.value(all)).toEqual(expected);
      }),
    );
  });

  it('in the OR-Set a concurrent add beats a remove, and an item can come back', () => {
    const tv = { type: 'add' as const, item: 'TV' };
    const rm = { type: 'remove' as const, item: 'TV' };
    const phone = orSet.apply(orSet.empty(), tv, 'phone', 'p1');
    const laptop = orSet.apply(phone, rm, 'laptop', 'l1'); // saw p1, removes it
    const phoneAgain = orSet.apply(phone, tv, 'phone', 'p2'); // concurrent re-add, new tag
    expect(orSet.value(orSet.merge(laptop, phoneAgain))).toEqual(['TV']);
    expect(orSet.describe(orSet.merge(laptop, phoneAgain))).toBe('{TV#p2} tombstones {p1}');
  });

  it('in the 2P-Set a removed item never comes back', () => {
    let s = twoPhaseSet.apply(twoPhaseSet.empty(), { type: 'add', item: 'TV' }, 'A', 'a1');
    s = twoPhaseSet.apply(s, { type: 'remove', item: 'TV' }, 'A', 'a2');
    s = twoPhaseSet.apply(s, { type: 'add', item: 'TV' }, 'A', 'a3');
    expect(twoPhaseSet.value(s)).toEqual([]);
    expect(twoPhaseSet.describe(s)).toBe('added {TV} removed {TV}');
  });

  it('a G-Counter keeps one count per replica and sums them', () => {
    const a = gCounter.apply(gCounter.empty(), { type: 'inc' }, 'A', '');
    const b = gCounter.apply(gCounter.apply(gCounter.empty(), { type: 'inc' }, 'B', ''), { type: 'inc', by: 2 }, 'B', '');
    const both = gCounter.merge(a, b);
    expect(gCounter.value(both)).toBe(4);
    expect(gCounter.describe(both)).toBe('{A:1, B:3}');
    expect(gCounter.value(gCounter.merge(both, a))).toBe(4);
  });
});
