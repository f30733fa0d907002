import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gCounterTotal } from '../../../../sim/values/crdt/gCounter.ts';
import { stampCompare, type LwwVersion } from '../../../../sim/values/lww.ts';
import { lwwTotal } from '../../../../sim/values/lwwCounter.ts';
import { DEFAULT_LIKE_CONFIG, DELAY_MAX_MS, LIKES_DURATION_MS, LIKES_END_MS, SERVERS, generateLikes, likeFrameAt, likeOutcome, likeScenario, runLikes, type Like, type LikeConfig } from './likeCounter.ts';

const config: fc.Arbitrary<LikeConfig> = fc
  .record({
    seed: fc.nat(),
    rate: fc.constantFrom(1, 2, 3, 5, 10),
    cut: fc.constantFrom(null, ...SERVERS),
    start: fc.integer({ min: 0, max: 9 }),
    length: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ seed, rate, cut, start, length }) => ({ seed, rate, cut, cutStart: start * 1000, cutEnd: Math.min(LIKES_DURATION_MS, (start + length) * 1000) }));

describe('the like counter on the simulator', () => {
  it('is deterministic: same set-up, same runs, and the likes do not depend on the cut', () => {
    const a = runLikes(DEFAULT_LIKE_CONFIG);
    const b = runLikes(DEFAULT_LIKE_CONFIG);
    expect(a.runs['g-counter'].trace.changes).toEqual(b.runs['g-counter'].trace.changes);
    expect(a.runs['lww-counter'].trace.changes).toEqual(b.runs['lww-counter'].trace.changes);
    expect(runLikes({ ...DEFAULT_LIKE_CONFIG, cut: 'A', cutStart: 0 }).likes).toEqual(a.likes);
  });

  it('generates likes within the first 10 s, in order, on the script’s 0.1 ms grid, at every server', () => {
    const likes = generateLikes(4, 5);
    expect(likes.length).toBeGreaterThan(10);
    expect(likes.every((l, i) => l.at < LIKES_DURATION_MS && (i === 0 || l.at >= likes[i - 1]!.at) && Math.round(l.at * 10) === l.at * 10)).toBe(true);
    expect(new Set(likes.map((l) => l.server)).size).toBe(3);
  });

  it('makes each like a write of +1 from the server’s own users, and the cut a partition that keeps a server with its users', () => {
    const scenario = likeScenario({ ...DEFAULT_LIKE_CONFIG, cut: 'B', cutStart: 3000, cutEnd: 5000 }, 'g-counter', [{ at: 100, server: 'C' }]);
    expect(scenario.script).toEqual([
      { at: 100, type: 'write', client: 'users-c', coordinator: 'C', key: 'likes', value: '+1', blind: true },
      { at: 3000, type: 'partition', groups: [['B', 'users-b'], ['A', 'users-a', 'C', 'users-c']] },
      { at: 5000, type: 'heal-all' },
    ]);
    expect(scenario.cluster).toMatchObject({ replicas: 3, n: 3, w: 1, r: 1, strategy: 'g-counter', antiEntropyMs: 1000 });
  });

  it('the G-Counter converges to exactly the number of likes, at every server, for any seed and cut', () => {
    fc.assert(
      fc.property(config, (c) => {
        const runs = runLikes(c);
        const out = likeOutcome(runs);
        expect(out.converged).toBe(true);
        expect(out.failed).toBe(0);
        expect(out.gCounter).toBe(runs.likes.length);
        for (const s of likeFrameAt(runs, runs.end).gc) expect(gCounterTotal(s)).toBe(runs.likes.length);
      }),
      { numRuns: 100 },
    );
  });

  it('the naive counter converges too, on the write with the highest stamp, and loses what that total leaves out', () => {
    fc.assert(
      fc.property(config, (c) => {
        const runs = runLikes(c);
        const out = likeOutcome(runs);
        expect(out.converged).toBe(true);
        expect(out.naive).toBeLessThanOrEqual(out.likes);
        expect(out.lost).toBe(out.likes - out.naive);
        // Independently of the servers' states: last write wins ends on the write whose
        // stamp is highest (its clock, then its server), whatever order the copies arrived in.
        const versions = runs.runs['lww-counter'].trace.ops.map((o) => o.version as LwwVersion);
        const winner = [...versions].sort(stampCompare).at(-1);
        expect(out.naive).toBe(winner ? Number(winner.value) : 0);
      }),
      { numRuns: 100 },
    );
  });

  it('is shown until every server agrees, however late a random sync partner brings the cut-off server back', () => {
    // Set-ups a reviewer found still apart at 12 s: the cut ends at 10 s, with the last likes.
    for (const c of [
      { seed: 43, rate: 3, cut: 'A', cutStart: 5000, cutEnd: 10_000 },
      { seed: 6, rate: 3, cut: 'C', cutStart: 2000, cutEnd: 10_000 },
    ] as const) {
      const runs = runLikes(c);
      const out = likeOutcome(runs);
      expect(out.converged).toBe(true);
      expect(runs.end).toBeGreaterThanOrEqual(LIKES_END_MS);
      expect(new Set(out.gCounters).size).toBe(1);
      expect(new Set(out.naives).size).toBe(1);
    }
    const quick = runLikes({ ...DEFAULT_LIKE_CONFIG, cut: null });
    expect(quick.end).toBe(LIKES_END_MS);
  });

  it('the default exercise (C cut off from 2 s to 7 s) loses likes in the naive counter but not in the G-Counter', () => {
    const out = likeOutcome(runLikes(DEFAULT_LIKE_CONFIG));
    expect(out.gCounter).toBe(out.likes);
    expect(out.lost).toBeGreaterThan(0);
  });

  it('with no cut and likes far apart in time, the naive counter loses nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SERVERS), { minLength: 1, maxLength: 9 }), fc.nat(), (servers, seed) => {
        // A like reaches its server within DELAY_MAX_MS and the others within twice that.
        const spacing = 2 * DELAY_MAX_MS + 100;
        const likes: Like[] = servers.map((server, i) => ({ at: 200 + i * spacing, server }));
        expect(likeOutcome(runLikes({ ...DEFAULT_LIKE_CONFIG, seed, cut: null }, likes))).toMatchObject({ likes: servers.length, gCounter: servers.length, naive: servers.length, lost: 0, converged: true, failed: 0 });
      }),
      { numRuns: 30 },
    );
  });

  it('a server cut off while it and the others take likes makes the naive counter lose them', () => {
    const likes: Like[] = [
      { at: 500, server: 'A' },
      { at: 3000, server: 'C' }, // C is cut off: it counts 2
      { at: 4000, server: 'A' }, // A counts 2 as well
      { at: 5000, server: 'B' }, // B has A's 2 and counts 3, the last write: it wins
    ];
    const runs = runLikes({ seed: 1, rate: 1, cut: 'C', cutStart: 2000, cutEnd: 6000 }, likes);
    expect(likeOutcome(runs)).toEqual({ likes: 4, gCounters: [4, 4, 4], naives: [3, 3, 3], gCounter: 4, naive: 3, lost: 1, converged: true, failed: 0 });
    const during = likeFrameAt(runs, 5500);
    expect(during.naive.map(lwwTotal)).toEqual([3, 3, 2]);
    expect(during.gc.map(gCounterTotal)).toEqual([3, 3, 2]);
    expect(during.lostMessages['g-counter']).toBeGreaterThan(0);
    expect(during.likes).toBe(4);
    expect(during.likesAt).toEqual([2, 1, 1]);
  });

  it('a frame never shows a like before its user made it', () => {
    const runs = runLikes(DEFAULT_LIKE_CONFIG);
    const first = runs.likes[0]!;
    expect(likeFrameAt(runs, first.at - 0.1).likes).toBe(0);
    expect(likeFrameAt(runs, first.at - 0.1).gc.every((s) => gCounterTotal(s) === 0)).toBe(true);
    expect(likeFrameAt(runs, first.at).likes).toBe(1);
  });

  it('a frame at the end shows what the outcome says', () => {
    fc.assert(
      fc.property(config, (c) => {
        const runs = runLikes(c);
        const out = likeOutcome(runs);
        const last = likeFrameAt(runs, runs.end);
        expect(last.gc.map(gCounterTotal)).toEqual(out.gCounters);
        expect(last.naive.map(lwwTotal)).toEqual(out.naives);
      }),
      { numRuns: 20 },
    );
  });
});
