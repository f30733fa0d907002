import { describe, expect, it } from 'vitest';
import { readQuorumParams } from './quorumParams.ts';

describe('readQuorumParams', () => {
  it('reads a valid setting as it is', () => {
    expect(readQuorumParams('?lab=quorum&n=5&w=3&r=3&seed=7')).toEqual({ params: { n: 5, w: 3, r: 3, seed: 7 }, problems: [] });
  });

  it('fills in what is missing with defaults, kept within n', () => {
    expect(readQuorumParams('?n=1').params).toEqual({ n: 1, w: 1, r: 1, seed: 1 });
  });

  it('replaces an impossible setting by the nearest valid one, and says so', () => {
    const { params, problems } = readQuorumParams('?n=5&w=7&r=0');
    expect(params).toMatchObject({ n: 5, w: 5, r: 1 });
    expect(problems).toEqual([
      'w=7 is not possible: w is the number of acknowledgements a write waits for (at most n = 5), a whole number from 1 to 5; showing w=5.',
      'r=0 is not possible: r is the number of replies a read waits for (at most n = 5), a whole number from 1 to 5; showing r=1.',
    ]);
  });

  it('refuses text and n = 0', () => {
    const { params, problems } = readQuorumParams('?n=0&w=three&seed=-4');
    expect(params).toEqual({ n: 1, w: 1, r: 1, seed: 0 });
    expect(problems[0]).toBe('n=0 is not possible: n is the number of replicas per key, a whole number from 1 to 9; showing n=1.');
    expect(problems[1]).toBe('w=three is not a number (w is the number of acknowledgements a write waits for (at most n = 1)); showing w=1.');
    expect(problems[2]).toMatch(/^seed=-4 is not possible/);
  });

  it('writes hostile text as code points', () => {
    const { problems } = readQuorumParams('?n=%E2%80%AE5');
    expect(problems[0]).toContain('U+202E');
  });
});
