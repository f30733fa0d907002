import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial, formatFraction, missProbability, staleBeyond, toNumber } from './pbs.ts';

describe('PBS closed form', () => {
  it('computes binomials exactly', () => {
    expect(binomial(5, 2)).toBe(10n);
    expect(binomial(9, 0)).toBe(1n);
    expect(binomial(3, 4)).toBe(0n);
    expect(binomial(60, 30)).toBe(118264581564861424n);
  });

  it('gives exact fractions for small clusters', () => {
    // N=3, W=R=1: the read misses unless it asks the one replica written: 2 of 3.
    expect(formatFraction(missProbability(3, 1, 1))).toBe('2/3');
    // N=5, W=R=1: 4/5. N=5, W=2, R=2: C(3,2)/C(5,2) = 3/10.
    expect(formatFraction(missProbability(5, 1, 1))).toBe('4/5');
    expect(formatFraction(missProbability(5, 2, 2))).toBe('3/10');
    // N=5, W=1, R=3: C(4,3)/C(5,3) = 4/10 = 2/5.
    expect(formatFraction(missProbability(5, 1, 3))).toBe('2/5');
  });

  it('is exactly zero whenever W + R > N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n }))), ([n, w, r]) => {
        expect(missProbability(n, w, r).numerator === 0n).toBe(w + r > n);
      }),
    );
  });

  it('falls as quorums grow, and k-staleness falls with k', () => {
    expect(toNumber(missProbability(9, 2, 2))).toBeLessThan(toNumber(missProbability(9, 1, 2)));
    expect(formatFraction(staleBeyond(3, 1, 1, 2))).toBe('4/9');
    expect(toNumber(staleBeyond(5, 1, 1, 3))).toBeCloseTo(0.512, 10);
  });

  it('refuses impossible quorums', () => {
    expect(() => missProbability(3, 4, 1)).toThrow(RangeError);
    expect(() => staleBeyond(3, 1, 1, 0)).toThrow(RangeError);
  });
});
