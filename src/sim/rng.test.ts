import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('resumes from a saved state exactly where it left off', () => {
    const a = createRng(9);
    for (let i = 0; i < 5; i++) a.next();
    const resumed = createRng(0, a.state());
    expect(Array.from({ length: 10 }, () => resumed.next())).toEqual(Array.from({ length: 10 }, () => a.next()));
  });

  it('stays in [0, 1) and spreads evenly over ten buckets', () => {
    const rng = createRng(1);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws integers below n', () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('rng.fill', () => {
  it('gives the same numbers as as many calls of next(), and leaves the generator where they would', () => {
    const a = createRng(42);
    const b = createRng(42);
    const block = new Float64Array(1000);
    a.fill(block);
    for (const x of block) expect(x).toBe(b.next());
    expect(a.next()).toBe(b.next());
  });
});
