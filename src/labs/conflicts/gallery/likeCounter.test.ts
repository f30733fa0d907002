import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gCounterTotal } from '../../../sim/values/crdt/gCounter.ts';
import { DEFAULT_LIKE_CONFIG, DELAY_MAX_MS, LIKES_DURATION_MS, LIKES_END_MS, SERVERS, generateLikes, likeFrameAt, likeOutcome, naiveLostFromHistory, naiveValue, simulateLikes, type Like, type LikeConfig } from './likeCounter.ts';

const config: fc.Arbitrary<LikeConfig> = fc
  .record({
    seed: fc.nat(),
    rate: fc.constantFrom(1, 2, 3, 5, 10),
    cut: fc.constantFrom(null, ...SERVERS),
    start: fc.integer({ min: 0, max: 9 }),
    length: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ seed, rate, cut, start, length }) => ({ seed, rate, cut, cutStart: start * 1000, cutEnd: Math.min(LIKES_DURATION_MS, (start + length) * 1000) }));

describe('the like-counter simulation', () => {
  it('is deterministic: same config, same run', () => {
    expect(simulateLikes(DEFAULT_LIKE_CONFIG)).toEqual(simulateLikes(DEFAULT_LIKE_CONFIG));
  });

  it('generates likes within the first 10 s, in order, at every server', () => {
    const likes = generateLikes(4, 5);
    expect(likes.length).toBeGreaterThan(10);
    expect(likes.every((l, i) => l.at < LIKES_DURATION_MS && (i === 0 || l.at >= likes[i - 1]!.at))).toBe(true);
    expect(new Set(likes.map((l) => l.server)).size).toBe(3);
  });

  it('the G-Counter converges to exactly the number of likes, at every server, for any seed and cut', () => {
    fc.assert(
      fc.property(config, (c) => {
        const run = simulateLikes(c);
        const out = likeOutcome(run);
        expect(out.converged).toBe(true);
        expect(out.gCounter).toBe(run.likes.length);
        const last = likeFrameAt(run, LIKES_END_MS);
        for (const s of last.gc) expect(gCounterTotal(s)).toBe(run.likes.length);
      }),
      { numRuns: 60 },
    );
  });

  it('the naive counter converges too, and its loss matches the increments left out of the final chain of writes', () => {
    fc.assert(
      fc.property(config, (c) => {
        const run = simulateLikes(c);
        const out = likeOutcome(run);
        expect(out.converged).toBe(true);
        expect(out.naive).toBeLessThanOrEqual(out.likes);
        expect(out.lost).toBe(out.likes - out.naive);
        expect(naiveLostFromHistory(run)).toBe(out.lost);
        // Independently of the servers' states: last write wins ends on the write with the
        // highest stamp (its time, then its server), whatever order the copies arrived in.
        const winner = [...run.writes].sort((a, b) => a.at - b.at || (a.server < b.server ? -1 : a.server > b.server ? 1 : 0) || a.id - b.id).at(-1);
        expect(out.naive).toBe(winner?.value ?? 0);
      }),
      { numRuns: 60 },
    );
  });

  it('the default exercise (C cut off from 2 s to 7 s) loses likes in the naive counter but not in the G-Counter', () => {
    const out = likeOutcome(simulateLikes(DEFAULT_LIKE_CONFIG));
    expect(out.gCounter).toBe(out.likes);
    expect(out.lost).toBeGreaterThan(0);
  });

  it('with no cut and likes far apart in time, the naive counter loses nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SERVERS), { minLength: 1, maxLength: 9 }), fc.nat(), (servers, seed) => {
        const spacing = DELAY_MAX_MS + 100;
        const likes: Like[] = servers.map((server, i) => ({ id: i + 1, at: 200 + i * spacing, server }));
        const run = simulateLikes({ ...DEFAULT_LIKE_CONFIG, seed, cut: null }, likes);
        expect(likeOutcome(run)).toEqual({ likes: servers.length, gCounter: servers.length, naive: servers.length, lost: 0, converged: true });
      }),
    );
  });

  it('a server cut off while it and the others take likes makes the naive counter lose them', () => {
    const likes: Like[] = [
      { id: 1, at: 500, server: 'A' },
      { id: 2, at: 3000, server: 'C' }, // C is cut off: it counts 2
      { id: 3, at: 4000, server: 'A' }, // A counts 2 as well
      { id: 4, at: 5000, server: 'B' }, // B counts 3, the last write: it wins
    ];
    const run = simulateLikes({ seed: 1, rate: 1, cut: 'C', cutStart: 2000, cutEnd: 6000 }, likes);
    expect(likeOutcome(run)).toEqual({ likes: 4, gCounter: 4, naive: 3, lost: 1, converged: true });
    const during = likeFrameAt(run, 5500);
    expect(during.naive.map(naiveValue)).toEqual([3, 3, 2]);
    expect(during.lostMessages).toBeGreaterThan(0);
  });
});
