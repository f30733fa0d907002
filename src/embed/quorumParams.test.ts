import { describe, expect, it } from 'vitest';
import { readParams } from './params.ts';
import { QUORUM_PARAMS } from './quorumLink.ts';

const read = (search: string) => readParams(QUORUM_PARAMS, search);

describe('the quorum lab’s address', () => {
  it('reads a valid setting as it is', () => {
    const { values, problems } = read('?lab=quorum&n=5&w=3&r=3&seed=7');
    expect(values).toEqual({ run: null, n: 5, w: 3, r: 3, seed: 7 });
    expect(problems).toEqual([]);
  });

  it('fills in what is missing with defaults, kept within n', () => {
    expect(read('?n=1').values).toEqual({ run: null, n: 1, w: 1, r: 1, seed: 1 });
  });

  it('replaces an impossible setting by the nearest valid one, and says so', () => {
    const { values, problems } = read('?n=5&w=7&r=0');
    expect(values).toMatchObject({ n: 5, w: 5, r: 1 });
    expect(problems).toEqual([
      'w=7 is not possible: w is the number of acknowledgements a write waits for (at most n = 5), a whole number from 1 to 5; showing w=5.',
      'r=0 is not possible: r is the number of replies a read waits for (at most n = 5), a whole number from 1 to 5; showing r=1.',
    ]);
  });

  it('refuses text, n = 0 and a seed out of range; a bad seed is not rounded but replaced by the default', () => {
    const { values, problems } = read('?n=0&w=three&seed=-4');
    expect(values).toEqual({ run: null, n: 1, w: 1, r: 1, seed: 1 });
    expect(problems).toEqual([
      'n=0 is not possible: n is the number of replicas per key, a whole number from 1 to 9; showing n=1.',
      'w=three is not a number: w is the number of acknowledgements a write waits for (at most n = 1), a whole number from 1 to 1; showing w=1.',
      'seed=-4 is not a whole number from 0 to 4294967295; showing seed=1.',
    ]);
  });

  it('accepts every seed from 0 to 2^32 − 1, as the scenario schema does', () => {
    expect(read('?seed=4294967295').values.seed).toBe(4294967295);
    expect(read('?seed=0').values.seed).toBe(0);
    expect(read('?seed=4294967296').problems).toHaveLength(1);
  });

  it('writes hostile text as code points', () => {
    const { problems } = read('?n=%E2%80%AE5');
    expect(problems[0]).toContain('U+202E');
    expect(problems[0]).not.toContain('\u202E');
  });

  it('ignores n, w, r and seed beside a run that can be read: the run holds them', () => {
    const { values, problems } = read('?run=1.HJh1AIuT&n=0&w=x&seed=-1');
    expect(values.run?.scenario.seed).toBe(7);
    expect(problems).toEqual([]);
  });
});
