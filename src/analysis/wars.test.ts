import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PBS_PRESETS } from '../content/pbsPresets.ts';
import type { Distribution } from '../sim/distributions.ts';
import { toNumber, missProbability } from './pbs.ts';
import { quantile } from './quantile.ts';
import { consistencyCurve, consistentAt, runWars, visibleAfter, type WarsDistributions } from './wars.ts';

const exp = (rate: number): Distribution => ({ kind: 'exponential', rate });
const allExp = (rate: number): WarsDistributions => ({ w: exp(rate), a: exp(rate), r: exp(rate), s: exp(rate) });
const preset = (id: string) => PBS_PRESETS.find((p) => p.id === id)!.dists;

describe('WARS Monte Carlo', () => {
  it('never reports a stale read when W + R > N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n }))).filter(([n, w, r]) => w + r > n),
        fc.constantFrom(...PBS_PRESETS.map((p) => p.dists)),
        fc.integer({ min: 0, max: 1000 }),
        ([n, w, r], dists, seed) => {
          expect(consistentAt(runWars({ n, w, r, dists, trials: 2000, seed }), 0)).toBe(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never lets P(consistent) fall as t grows', () => {
    const result = runWars({ n: 3, w: 1, r: 1, dists: preset('ymmr'), trials: 20_000, seed: 3 });
    const curve = consistencyCurve(result, 500, 200);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.p).toBeGreaterThanOrEqual(curve[i - 1]!.p);
    expect(curve.at(-1)!.p).toBeGreaterThan(curve[0]!.p);
  });

  it('at t = 0, does not depend on the rate when W, A, R and S share one exponential', () => {
    const slow = runWars({ n: 3, w: 1, r: 1, dists: allExp(0.01), trials: 50_000, seed: 9 });
    const fast = runWars({ n: 3, w: 1, r: 1, dists: allExp(5), trials: 50_000, seed: 9 });
    expect(Math.abs(consistentAt(slow, 0) - consistentAt(fast, 0))).toBeLessThan(0.002);
    // Times, by contrast, scale with the mean: 500 times slower.
    expect(quantile(slow.writeLatency, 0.5) / quantile(fast.writeLatency, 0.5)).toBeCloseTo(500, 0);
  });

  it('is reproducible from a seed, and differs with another', () => {
    const a = runWars({ n: 3, w: 1, r: 2, dists: preset('lnkd-disk'), trials: 5000, seed: 42 });
    const b = runWars({ n: 3, w: 1, r: 2, dists: preset('lnkd-disk'), trials: 5000, seed: 42 });
    const c = runWars({ n: 3, w: 1, r: 2, dists: preset('lnkd-disk'), trials: 5000, seed: 43 });
    expect(Array.from(b.thresholds)).toEqual(Array.from(a.thresholds));
    expect(Array.from(c.thresholds)).not.toEqual(Array.from(a.thresholds));
  });

  it('with W = R = 1 on LNKD-SSD, is stale far less often at t = 0 than random quorums would be', () => {
    // Random quorums miss 2 times in 3; but the write went to every replica at once, and by
    // the time the first ack is back the others mostly have it too.
    const result = runWars({ n: 3, w: 1, r: 1, dists: preset('lnkd-ssd'), trials: 50_000, seed: 1 });
    expect(1 - consistentAt(result, 0)).toBeLessThan(toNumber(missProbability(3, 1, 1)));
    expect(visibleAfter(result, 0.999)).toBeGreaterThan(0);
  });

  it('adds the remote delay exactly as the WAN model says: both ways, to all but one random replica, separately for write and read', () => {
    const zero: Distribution = { kind: 'constant', ms: 0 };
    const result = runWars({ n: 3, w: 1, r: 1, dists: { w: zero, a: zero, r: zero, s: zero, remoteMs: 75 }, trials: 30_000, seed: 2 });
    // The write commits at once through its local replica; only that replica has it for 75 ms.
    expect(quantile(result.writeLatency, 0.999)).toBe(0);
    // The read keeps its own local replica: consistent at once only if it is the write's local one too.
    expect(consistentAt(result, 0)).toBeCloseTo(1 / 3, 1);
    expect(consistentAt(result, 74.9)).toBeCloseTo(1 / 3, 1);
    // A remote replica gets the write at 75 ms; the read request reaches it at 75 ms after the wait.
    expect(consistentAt(result, 75)).toBe(1);
  });

  it('gives the figures this lab reports for LNKD-SSD, N=3, W=R=1 (seed 1)', () => {
    const result = runWars({ n: 3, w: 1, r: 1, dists: preset('lnkd-ssd'), trials: 100_000, seed: 1 });
    expect(consistentAt(result, 0)).toBeCloseTo(0.974, 2);
    expect(visibleAfter(result, 0.999)).toBeGreaterThan(1.5);
    expect(visibleAfter(result, 0.999)).toBeLessThan(2.5);
  });

  it('makes the WAN preset slower to become consistent than the same fits within one datacenter', () => {
    const wan = runWars({ n: 3, w: 1, r: 1, dists: preset('wan'), trials: 20_000, seed: 5 });
    const disk = runWars({ n: 3, w: 1, r: 1, dists: preset('lnkd-disk'), trials: 20_000, seed: 5 });
    expect(visibleAfter(wan, 0.999)).toBeGreaterThan(visibleAfter(disk, 0.999));
    expect(quantile(wan.readLatency, 0.5)).toBeGreaterThan(quantile(disk.readLatency, 0.5));
  });
});
