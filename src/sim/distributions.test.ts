import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSampler, fromUniform, mean, sample, type Distribution } from './distributions.ts';
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

describe('fromUniform: one uniform per draw', () => {
  const sorted = (draw: () => number, n = 100_000) => Float64Array.from({ length: n }, draw).sort();
  const at = (xs: Float64Array, q: number) => xs[Math.floor(q * (xs.length - 1))]!;
  const cases: [string, Distribution][] = [
    ['the LNKD-SSD mix', { kind: 'mix', parts: [{ weight: 0.9122, dist: { kind: 'pareto', xm: 0.235, alpha: 10 } }, { weight: 0.0878, dist: { kind: 'exponential', rate: 1.66 } }] }],
    ['a mix with a zero weight, a constant and a nested mix', { kind: 'mix', parts: [{ weight: 0, dist: { kind: 'constant', ms: 999 } }, { weight: 2, dist: { kind: 'uniform', min: 10, max: 20 } }, { weight: 1, dist: { kind: 'constant', ms: 5 } }, { weight: 1, dist: { kind: 'mix', parts: [{ weight: 1, dist: { kind: 'exponential', rate: 0.1 } }] } }] }],
    ['a single exponential', { kind: 'exponential', rate: 0.5 }],
  ];
  for (const [name, dist] of cases) {
    it(`draws ${name} with the distribution compileSampler draws`, () => {
      const a = createRng(3);
      const b = createRng(4);
      const viaUniform = fromUniform(dist);
      const viaSampler = compileSampler(dist);
      const ours = sorted(() => viaUniform(a.next()));
      const theirs = sorted(() => viaSampler(b));
      for (const q of [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
        const [x, y] = [at(ours, q), at(theirs, q)];
        expect(Math.abs(x - y), `${name} q=${q}: ${x} vs ${y}`).toBeLessThanOrEqual(0.03 * Math.abs(y) + 0.05);
      }
    });
  }

  it('never returns a non-finite number, even at the very ends of [0, 1) and at a mix’s cut', () => {
    const mix = fromUniform(cases[0]![1]);
    for (const u of [0, 0.9122, 0.9122 - 1e-17, 1 - 2 ** -53]) expect(Number.isFinite(mix(u)), `u=${u}`).toBe(true);
    expect(fromUniform({ kind: 'mix', parts: [{ weight: 0, dist: { kind: 'constant', ms: 7 } }] })(0.5)).toBe(7);
  });
});
