import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPushPullRounds, spread } from './gossip.ts';

describe('push-pull gossip', () => {
  it('is the same spread for the same seed, and grows round by round', () => {
    const one = spread({ replicas: 9, fanout: 1, from: 0, seed: 7 });
    expect(spread({ replicas: 9, fanout: 1, from: 0, seed: 7 })).toEqual(one);
    expect(one.informed[0]).toBe(1);
    expect(one.informed.at(-1)).toBe(9);
    for (let i = 1; i < one.informed.length; i++) expect(one.informed[i]!).toBeGreaterThanOrEqual(one.informed[i - 1]!);
  });

  it('takes at least log3 N rounds on average and, at these sizes, about log2 N', () => {
    for (const n of [3, 5, 9, 27, 64]) {
      const runs = Array.from({ length: 400 }, (_, seed) => spread({ replicas: n, fanout: 1, from: 0, seed }).rounds!);
      const mean = runs.reduce((s, r) => s + r, 0) / runs.length;
      expect(mean, `N = ${n}`).toBeGreaterThan(expectedPushPullRounds(n));
      expect(Math.abs(mean - Math.log2(n)), `N = ${n}: mean ${mean}`).toBeLessThan(0.5);
    }
  });

  it('waits at a cut for it to heal, and never crosses a cut that does not', () => {
    // Two replicas, one link, cut until round 5: nothing moves before it heals.
    const healed = spread({ replicas: 2, fanout: 1, from: 0, seed: 1, cuts: [{ a: 0, b: 1, healsAt: 5 }] });
    expect(healed.rounds).toBe(5);
    const never = spread({ replicas: 2, fanout: 1, from: 0, seed: 1, cuts: [{ a: 1, b: 0, healsAt: Infinity }], maxRounds: 30 });
    expect(never).toEqual({ informed: Array(31).fill(1), rounds: null });
  });

  it('refuses a setup it cannot run', () => {
    expect(() => spread({ replicas: 1, fanout: 1, from: 0, seed: 1 })).toThrow('replicas must be a whole number from 2 to 64, not 1');
    expect(() => spread({ replicas: 5, fanout: 5, from: 0, seed: 1 })).toThrow('fanout must be a whole number from 1 to 4, not 5');
  });

  it('with any fan-out of 1 or more and no cut that stays, reaches every replica', () => {
    const setup = fc.integer({ min: 2, max: 12 }).chain((replicas) =>
      fc.record({
        replicas: fc.constant(replicas),
        fanout: fc.integer({ min: 1, max: replicas - 1 }),
        from: fc.integer({ min: 0, max: replicas - 1 }),
        seed: fc.integer({ min: 0, max: 0xffffffff }),
        cuts: fc.array(fc.record({ a: fc.integer({ min: 0, max: replicas - 1 }), b: fc.integer({ min: 0, max: replicas - 1 }), healsAt: fc.integer({ min: 0, max: 40 }) }), { maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(setup, (s) => {
        const result = spread(s);
        expect(result.rounds).not.toBeNull();
        expect(result.informed.at(-1)).toBe(s.replicas);
      }),
      { numRuns: 300 },
    );
  });
});
