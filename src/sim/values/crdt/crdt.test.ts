import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeId, type OpId } from '../../ids.ts';
import type { ValueStrategy } from '../types.ts';
import { describeGCounter, describeTwoPhaseSet } from '../../../view/crdtWords.ts';
import { describeOrSet } from '../../../view/orSetWords.ts';
import { gCounter, gCounterTotal } from './gCounter.ts';
import { gSet } from './gSet.ts';
import { orSet, orSetItems, type OrSetState } from './orSet.ts';
import { pnCounter, pnCounterTotal } from './pnCounter.ts';
import { twoPhaseItems, twoPhaseSet } from './twoPhaseSet.ts';
import { findStrategy } from '../index.ts';
import { CRDTS } from './index.ts';

const REPLICAS = ['A', 'B', 'C'] as const;
type Step = { kind: 'op'; replica: number; op: string } | { kind: 'sync'; from: number; to: number };

const item = fc.constantFrom('TV', 'book', 'lamp');
const setOp = fc.tuple(fc.constantFrom('+', '-'), item).map(([sign, i]) => `${sign}${i}`);
const counterOp = fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 1, max: 3 })).map(([sign, n]) => `${sign}${n}`);

function steps(op: fc.Arbitrary<string>): fc.Arbitrary<Step[]> {
  const replica = fc.integer({ min: 0, max: REPLICAS.length - 1 });
  return fc.array(fc.oneof(fc.record({ kind: fc.constant('op' as const), replica, op }), fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica })), { maxLength: 30 });
}

/** One write at a replica, as a coordinator makes it: create, then merge the delta into what it holds. */
function update<S, V>(strategy: ValueStrategy<S, V>, state: S, op: string, replica: string, counter: number) {
  const { version, delta } = strategy.create(state, op, { node: nodeId(replica), clock: counter, counter, context: null, op: counter as OpId });
  return { state: strategy.merge(state, delta), version };
}

/** Run a history: every state any replica passed through, where each ended, and every write made. */
function play<S, V>(strategy: ValueStrategy<S, V>, history: Step[]) {
  const states = REPLICAS.map(() => strategy.empty());
  const counters = REPLICAS.map(() => 0);
  const seen: S[] = [strategy.empty()];
  const applied: { replica: number; op: string; tag: string; before: S; version: V }[] = [];
  for (const s of history) {
    if (s.kind === 'op') {
      const counter = ++counters[s.replica]!;
      const before = states[s.replica]!;
      const { state, version } = update(strategy, before, s.op, REPLICAS[s.replica]!, counter);
      applied.push({ replica: s.replica, op: s.op, tag: `${REPLICAS[s.replica]}${counter}`, before, version });
      states[s.replica] = state;
    } else {
      states[s.to] = strategy.merge(states[s.to]!, states[s.from]!);
    }
    seen.push(...states);
  }
  return { states, seen, applied };
}

function laws<S, V>(name: string, strategy: ValueStrategy<S, V>, op: fc.Arbitrary<string>) {
  describe(`${name}: merge laws and convergence`, () => {
    it('merge is commutative, associative and idempotent on every reachable state', () => {
      fc.assert(
        fc.property(steps(op), fc.nat(), fc.nat(), fc.nat(), (history, i, j, k) => {
          const { seen } = play(strategy, history);
          const [a, b, c] = [seen[i % seen.length]!, seen[j % seen.length]!, seen[k % seen.length]!];
          expect(strategy.equals(strategy.merge(a, b), strategy.merge(b, a))).toBe(true);
          expect(strategy.equals(strategy.merge(strategy.merge(a, b), c), strategy.merge(a, strategy.merge(b, c)))).toBe(true);
          expect(strategy.equals(strategy.merge(a, a), a)).toBe(true);
          // equals is no looser than what a read sees: equal states read the same.
          if (strategy.equals(a, b)) expect(strategy.values(a)).toEqual(strategy.values(b));
        }),
      );
    });

    it('converges whatever the order of deliveries, and however often they repeat', () => {
      fc.assert(
        fc.property(steps(op), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 12 }), (history, order) => {
          const { states } = play(strategy, history);
          const everything = states.reduce((acc, s) => strategy.merge(acc, s), strategy.empty());
          // Each replica receives the others' final states in the generated order, repeats and all.
          const finals = states.map((own, r) => [...order, 0, 1, 2].filter((x) => x !== r).reduce((acc, x) => strategy.merge(acc, states[x]!), own));
          for (const f of finals) expect(strategy.equals(f, everything)).toBe(true);
        }),
      );
    });

    it('the state everything merges into covers every version any write made, and a replica covers its own writes', () => {
      fc.assert(
        fc.property(steps(op), (history) => {
          const { states, applied } = play(strategy, history);
          const everything = states.reduce((acc, s) => strategy.merge(acc, s), strategy.empty());
          for (const a of applied) expect(strategy.covers(everything, a.version)).toBe(true);
          for (const a of applied.filter((x) => x.replica === 0)) expect(strategy.covers(states[0]!, a.version)).toBe(true);
        }),
      );
    });

    it('an empty replica covers no write that changed anything', () => {
      fc.assert(
        fc.property(steps(op), (history) => {
          const { applied } = play(strategy, history);
          for (const a of applied) {
            const changed = !strategy.equals(update(strategy, a.before, a.op, REPLICAS[a.replica]!, 1_000).state, a.before);
            if (changed) expect(strategy.covers(strategy.empty(), a.version)).toBe(false);
          }
        }),
      );
    });
  });
}

laws('G-Counter', gCounter, counterOp);
laws('PN-Counter', pnCounter, counterOp);
laws('G-Set', gSet, setOp);
laws('2P-Set', twoPhaseSet, setOp);
laws('OR-Set', orSet, setOp);

describe('what each data type promises', () => {
  it('a PN-Counter counts every increment and decrement exactly once, whatever the syncing', () => {
    fc.assert(
      fc.property(steps(counterOp), (history) => {
        const { states } = play(pnCounter, history);
        const all = states.reduce((acc, s) => pnCounter.merge(acc, s), pnCounter.empty());
        const expected = history.reduce((n, s) => (s.kind === 'op' ? n + Number(s.op) : n), 0);
        expect(pnCounterTotal(all)).toBe(expected);
        expect(pnCounter.values(all)).toEqual([String(expected)]);
      }),
    );
  });

  it('a G-Counter counts every increment once and ignores a decrement', () => {
    fc.assert(
      fc.property(steps(counterOp), (history) => {
        const { states } = play(gCounter, history);
        const all = states.reduce((acc, s) => gCounter.merge(acc, s), gCounter.empty());
        const expected = history.reduce((n, s) => (s.kind === 'op' && s.op.startsWith('+') ? n + Number(s.op) : n), 0);
        expect(gCounterTotal(all)).toBe(expected);
      }),
    );
  });

  it('a G-Set holds every item ever added anywhere, and nothing else', () => {
    fc.assert(
      fc.property(steps(setOp), (history) => {
        const { states, applied } = play(gSet, history);
        const all = states.reduce((acc, s) => gSet.merge(acc, s), gSet.empty());
        expect([...all]).toEqual([...new Set(applied.filter((a) => a.op.startsWith('+')).map((a) => a.op.slice(1)))].sort());
      }),
    );
  });

  it('a 2P-Set holds the items added and never removed where a remove took effect (at a replica that had seen the add)', () => {
    fc.assert(
      fc.property(steps(setOp), (history) => {
        const { states, applied } = play(twoPhaseSet, history);
        const all = states.reduce((acc, s) => twoPhaseSet.merge(acc, s), twoPhaseSet.empty());
        const added = new Set(applied.filter((a) => a.op.startsWith('+')).map((a) => a.op.slice(1)));
        const removed = new Set(applied.filter((a) => a.op.startsWith('-') && a.before.added.includes(a.op.slice(1))).map((a) => a.op.slice(1)));
        expect(twoPhaseItems(all)).toEqual([...added].filter((i) => !removed.has(i)).sort());
      }),
    );
  });

  it('the OR-Set keeps exactly the items with an add no remove observed', () => {
    fc.assert(
      fc.property(steps(setOp), (history) => {
        const { states, applied } = play(orSet, history);
        const all = states.reduce((acc, s) => orSet.merge(acc, s), orSet.empty());
        // What a remove saw, worked out here from the state it was made at, not by the code under test.
        const seenBy = (before: OrSetState, item: string) => before.entries.filter((e) => e.item === item).map((e) => e.tag);
        const removedTags = new Set(applied.filter((a) => a.op.startsWith('-')).flatMap((a) => seenBy(a.before as OrSetState, a.op.slice(1))));
        const expected = [...new Set(applied.filter((a) => a.op.startsWith('+') && !removedTags.has(a.tag)).map((a) => a.op.slice(1)))].sort();
        expect(orSetItems(all)).toEqual(expected);
      }),
    );
  });

  it('in the OR-Set a concurrent add beats a remove, and an item can come back', () => {
    const phone = update(orSet, orSet.empty(), '+TV', 'p', 1).state;
    const laptop = update(orSet, phone, '-TV', 'l', 1).state; // saw p1, removes it
    const phoneAgain = update(orSet, phone, '+TV', 'p', 2).state; // concurrent re-add, new tag
    const merged = orSet.merge(laptop, phoneAgain);
    expect(orSet.values(merged)).toEqual(['{TV}']);
    expect(describeOrSet(merged)).toBe('{TV#p2} tombstones {p1}');
  });

  it('in the 2P-Set a removed item never comes back', () => {
    let s = update(twoPhaseSet, twoPhaseSet.empty(), '+TV', 'A', 1).state;
    s = update(twoPhaseSet, s, '-TV', 'A', 2).state;
    s = update(twoPhaseSet, s, '+TV', 'A', 3).state;
    expect(twoPhaseItems(s)).toEqual([]);
    expect(describeTwoPhaseSet(s)).toBe('added {TV} removed {TV}');
  });

  it('a G-Counter keeps one count per replica and sums them', () => {
    const a = update(gCounter, gCounter.empty(), '+1', 'A', 1).state;
    const b = update(gCounter, update(gCounter, gCounter.empty(), '+1', 'B', 1).state, '+2', 'B', 2).state;
    const both = gCounter.merge(a, b);
    expect(gCounterTotal(both)).toBe(4);
    expect(describeGCounter(both)).toBe('{A:1, B:3}');
    expect(gCounterTotal(gCounter.merge(both, a))).toBe(4);
  });

  it('loading the CRDTs registers each with the simulator under its own id', () => {
    for (const [id, strategy] of Object.entries(CRDTS)) {
      expect(strategy.id).toBe(id);
      expect(findStrategy(strategy.id)).toBe(strategy);
    }
  });
});
