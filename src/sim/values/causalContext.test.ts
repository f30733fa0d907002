import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../ids.ts';
import { EMPTY_CONTEXT, addDot, contains, equalContexts, formatContext, union, type CausalContext, type Dot } from './causalContext.ts';

const dot = (node: string, counter: number): Dot => ({ node: node as NodeId, counter });
const dotArb = fc.record({ node: fc.constantFrom('A', 'B', 'C') as fc.Arbitrary<NodeId>, counter: fc.integer({ min: 1, max: 6 }) });
const ctxArb: fc.Arbitrary<CausalContext> = fc.array(dotArb, { maxLength: 10 }).map((ds) => ds.reduce(addDot, EMPTY_CONTEXT));

describe('causal contexts', () => {
  it('folds dots into the vector when they close a gap', () => {
    const ctx = addDot(addDot(EMPTY_CONTEXT, dot('A', 2)), dot('B', 1));
    expect(formatContext(ctx)).toBe('{B:1} + A:2');
    expect(formatContext(addDot(ctx, dot('A', 1)))).toBe('{A:2, B:1}');
  });

  it('contains exactly the dots added', () => {
    fc.assert(
      fc.property(fc.array(dotArb, { maxLength: 12 }), dotArb, (ds, probe) => {
        const ctx = ds.reduce(addDot, EMPTY_CONTEXT);
        const expected = ds.some((d) => d.node === probe.node && d.counter === probe.counter);
        expect(contains(ctx, probe)).toBe(expected);
      }),
    );
  });

  it('union is the set union: commutative, associative, idempotent', () => {
    fc.assert(
      fc.property(ctxArb, ctxArb, ctxArb, dotArb, (a, b, c, probe) => {
        expect(equalContexts(union(a, b), union(b, a))).toBe(true);
        expect(equalContexts(union(union(a, b), c), union(a, union(b, c)))).toBe(true);
        expect(equalContexts(union(a, a), a)).toBe(true);
        expect(contains(union(a, b), probe)).toBe(contains(a, probe) || contains(b, probe));
      }),
    );
  });
});
