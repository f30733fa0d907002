import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSampler, mean, sample, type Distribution } from './distributions.ts';
import { createRng } from './rng.ts';

function sampleMean(dist: Distribution, n = 200_000): number {
  const rng = createRng(11);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sample(dist, rng);
  return sum / n;
}

describe('latency distributions', () => {
  const cases: [string, Distribution][] = [
    ['constant', { kind: 'constant', ms: 12 }],
    ['uniform', { kind: 'uniform', min: 10, max: 30 }],
    ['exponential', { kind: 'exponential', rate: 0.05 }],
    ['pareto', { kind: 'pareto', xm: 2, alpha: 3 }],
    ['mix', { kind: 'mix', parts: [{ weight: 3, dist: { kind: 'constant', ms: 10 } }, { weight: 1, dist: { kind: 'exponential', rate: 0.1 } }] }],
  ];
  for (const [name, dist] of cases) {
    it(`samples a ${name} with the mean it should have`, () => {
      expect(sampleMean(dist)).toBeCloseTo(mean(dist), 0);
    });
  }

  it('never samples below a Pareto minimum or outside a uniform range', () => {
    const rng = createRng(3);
    for (let i = 0; i < 10_000; i++) {
      expect(sample({ kind: 'pareto', xm: 1.5, alpha: 2 }, rng)).toBeGreaterThanOrEqual(1.5);
      const u = sample({ kind: 'uniform', min: 4, max: 6 }, rng);
      expect(u).toBeGreaterThanOrEqual(4);
      expect(u).toBeLessThan(6);
    }
  });

  it('knows a Pareto with α ≤ 1 has no finite mean', () => {
    expect(mean({ kind: 'pareto', xm: 1, alpha: 1 })).toBe(Infinity);
  });

  it('picks mixture parts by weight', () => {
    const rng = createRng(8);
    const mix: Distribution = { kind: 'mix', parts: [{ weight: 0.9, dist: { kind: 'constant', ms: 1 } }, { weight: 0.1, dist: { kind: 'constant', ms: 2 } }] };
    let twos = 0;
    for (let i = 0; i < 10_000; i++) if (sample(mix, rng) === 2) twos++;
    expect(twos / 10_000).toBeCloseTo(0.1, 1);
  });
});

describe('compileSampler', () => {
  it('draws exactly what sample draws, from the same rng states', () => {
    const dists: Distribution[] = [
      { kind: 'constant', ms: 3 },
      { kind: 'uniform', min: 1, max: 9 },
      { kind: 'exponential', rate: 0.3 },
      { kind: 'pareto', xm: 2, alpha: 1.7 },
      { kind: 'mix', parts: [{ weight: 0.2, dist: { kind: 'pareto', xm: 1, alpha: 3 } }, { weight: 0.8, dist: { kind: 'exponential', rate: 2 } }] },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...dists), fc.integer({ min: 0, max: 1000 }), (dist, seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const draw = compileSampler(dist);
        for (let i = 0; i < 50; i++) expect(draw(b)).toBe(sample(dist, a));
      }),
    );
  });
});
