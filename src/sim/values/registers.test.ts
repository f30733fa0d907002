import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeId, OpId } from '../ids.ts';
import { lww, type LwwState } from './lww.ts';
import { formatContext, type CausalContext } from './causalContext.ts';
import { historyOf, mv, type MvState } from './mv.ts';
import { LWW_WORDS, MV_WORDS } from '../../view/valueWords.ts';
import type { ValueStrategy, WriteMeta } from './types.ts';

const meta = (node: string, counter: number, clock = 0, context: CausalContext | null = null): WriteMeta => ({
  node: node as NodeId,
  clock,
  counter,
  context,
  op: counter as OpId,
});

describe('LWW register', () => {
  it('keeps the higher timestamp whichever order states meet', () => {
    const a = lww.create(null, 'old', meta('A', 1, 100)).delta;
    const b = lww.create(null, 'new', meta('B', 1, 200)).delta;
    expect(lww.values(lww.merge(a, b))).toEqual(['new']);
    expect(lww.values(lww.merge(b, a))).toEqual(['new']);
  });

  it('stamps its version as a time and a node', () => {
    expect(LWW_WORDS.stamp(lww.create(null, 'v', meta('B', 1, 1234)).delta)).toBe('@1.234 s B');
    expect(LWW_WORDS.stamp(null)).toBe('');
  });

  it('breaks timestamp ties by node id', () => {
    const a = lww.create(null, 'from A', meta('A', 1, 100)).delta;
    const b = lww.create(null, 'from B', meta('B', 1, 100)).delta;
    expect(lww.values(lww.merge(a, b))).toEqual(['from B']);
  });

  it('lets a write from a fast clock beat a later write from a slow one', () => {
    // A's clock runs 500 ms ahead: its write at real time 100 is stamped 600.
    const early = lww.create(null, 'early', meta('A', 1, 100 + 500)).delta;
    const late = lww.create(null, 'late', meta('B', 1, 300)).delta;
    expect(lww.values(lww.merge(early, late))).toEqual(['early']);
    expect(lww.covers(lww.merge(early, late), late as never)).toBe(true);
  });
});

describe('multi-value register', () => {
  it('keeps two blind writes as siblings, even through the same coordinator', () => {
    const one = mv.create([], 'a', meta('A', 1)).delta;
    const two = mv.create(one, 'b', meta('A', 2)).delta;
    expect(mv.values(two).sort()).toEqual(['a', 'b']);
  });

  it('replaces the siblings a write had read', () => {
    const a = mv.create([], 'a', meta('A', 1)).delta;
    const b = mv.create([], 'b', meta('B', 1)).delta;
    const both = mv.merge(a, b);
    const read = mv.context(both);
    expect(formatContext(read!)).toBe('{A:1, B:1}');
    const resolved = mv.create(both, 'a+b', meta('C', 1, 0, read)).delta;
    expect(mv.values(resolved)).toEqual(['a+b']);
    expect(formatContext(historyOf(resolved[0]!))).toBe('{A:1, B:1, C:1}');
    // And a replica that still holds the old siblings drops them on merge.
    expect(mv.values(mv.merge(both, resolved))).toEqual(['a+b']);
  });

  it('does not let a context claim writes its holder never saw', () => {
    // A's 1st write came from someone else; a blind 2nd write through A must not claim it.
    const first = mv.create([], 'first', meta('A', 1)).version;
    const { version: second, context } = mv.create([], 'second', meta('A', 2));
    expect(formatContext(context!)).toBe('{} + A:2');
    const third = mv.create([second], 'third', meta('B', 1, 0, context)).delta;
    // The third write replaces the second, which its writer saw, but not the first.
    expect(mv.values(mv.merge([first], third)).sort()).toEqual(['first', 'third']);
  });

  it('stamps each sibling with its version vector', () => {
    const both = mv.merge(mv.create([], 'a', meta('A', 1)).delta, mv.create([], 'b', meta('B', 2)).delta);
    expect(MV_WORDS.stamp(both)).toBe('{A:1} | {} + B:2');
  });

  it('tells the writer the context of its own write', () => {
    const { context } = mv.create([], 'a', meta('A', 1, 0, { vv: { B: 2 }, dots: [] }));
    expect(formatContext(context!)).toBe('{A:1, B:2}');
  });
});

/** Random states built the way the simulator builds them: writes through coordinators, then merges. */
function statesOf<S>(s: ValueStrategy<S, unknown>): fc.Arbitrary<S[]> {
  const step = fc.record({ node: fc.constantFrom('A', 'B', 'C'), from: fc.nat(), seen: fc.boolean(), clock: fc.integer({ min: 0, max: 50 }), merge: fc.nat() });
  return fc.array(step, { minLength: 1, maxLength: 12 }).map((steps) => {
    const states: S[] = [s.empty()];
    const counters: Record<string, number> = {};
    steps.forEach((st, i) => {
      const base = states[st.from % states.length]!;
      counters[st.node] = (counters[st.node] ?? 0) + 1;
      const ctx = st.seen ? s.context(base) : null;
      const { delta } = s.create(base, `v${i}`, meta(st.node, counters[st.node]!, st.clock, ctx));
      states.push(delta, s.merge(delta, states[st.merge % states.length]!));
    });
    return states;
  });
}

for (const [name, s] of [
  ['LWW', lww],
  ['MV', mv],
] as [string, ValueStrategy<LwwState | MvState, unknown>][]) {
  describe(`${name} merge laws`, () => {
    const three = statesOf(s).chain((st) => fc.tuple(fc.constantFrom(...st), fc.constantFrom(...st), fc.constantFrom(...st)));
    it('is commutative, associative and idempotent', () => {
      fc.assert(
        fc.property(three, ([a, b, c]) => {
          expect(s.equals(s.merge(a, b), s.merge(b, a))).toBe(true);
          expect(s.equals(s.merge(s.merge(a, b), c), s.merge(a, s.merge(b, c)))).toBe(true);
          expect(s.equals(s.merge(a, a), a)).toBe(true);
        }),
      );
    });
    it('never forgets: the merge covers every version either side covered', () => {
      fc.assert(
        fc.property(three, ([a, b]) => {
          const m = s.merge(a, b);
          for (const v of versionsIn(a)) expect(s.covers(m, v)).toBe(true);
        }),
      );
    });
  });
}

function versionsIn(state: LwwState | MvState): unknown[] {
  if (state === null) return [];
  return Array.isArray(state) ? state : [state];
}
