import { describe, expect, it } from 'vitest';
import { readParams, writeParams } from '../../../embed/params.ts';
import { DEFAULT_LIKE_CONFIG } from './likes/likeSettings.ts';
import { GALLERY_PARAMS, LIKE_PARAMS, likeConfigOf, likeParamsOf } from './panelParams.ts';

describe('the gallery’s address (crdt=)', () => {
  it('opens a data type by id, and explains an unknown one', () => {
    expect(readParams(GALLERY_PARAMS, '?lab=conflicts&crdt=or-set')).toMatchObject({ values: { crdt: 'or-set' }, problems: [] });
    expect(readParams(GALLERY_PARAMS, '?lab=conflicts')).toMatchObject({ values: { crdt: 'g-counter' }, problems: [] });
    expect(readParams(GALLERY_PARAMS, '?crdt=')).toMatchObject({ values: { crdt: 'g-counter' }, problems: [] });
    const bad = readParams(GALLERY_PARAMS, '?crdt=b-tree');
    expect(bad.values.crdt).toBe('g-counter');
    expect(bad.problems).toEqual(['There is no "b-tree" in the gallery, so it shows the G-Counter. The gallery has: g-counter, pn-counter, g-set, 2p-set, or-set, lww-register, mv-register.']);
  });

  it('quotes a 10,000-character value short, and a right-to-left override as a code point', () => {
    const [problem] = readParams(GALLERY_PARAMS, `?crdt=${'x'.repeat(10_000)}%E2%80%AE`).problems;
    expect(problem).toContain(`"${'x'.repeat(24)}…"`);
    expect(problem!.length).toBeLessThan(200);
    expect(readParams(GALLERY_PARAMS, '?crdt=%E2%80%AEtes-ro').problems[0]).toContain('"U+202Etes-ro"');
  });
});

describe('the like counter’s address (likes-*)', () => {
  const read = (search: string) => readParams(LIKE_PARAMS, search);

  it('reads every setting, the server in any case', () => {
    expect(likeConfigOf(read('?likes-cut=a&likes-seed=3&likes-rate=5&likes-from=1&likes-until=9').values)).toEqual({ seed: 3, rate: 5, cut: 'A', cutStart: 1000, cutEnd: 9000 });
    expect(read('?likes-cut=none').values['likes-cut']).toBeNull();
    expect(likeConfigOf(read('').values)).toEqual(DEFAULT_LIKE_CONFIG);
  });

  it('writes a set-up that reads back as it was', () => {
    const config = { seed: 4_000_000_000, rate: 10, cut: null, cutStart: 0, cutEnd: 10_000 };
    const search = writeParams('?lab=conflicts', LIKE_PARAMS, likeParamsOf(config));
    expect(search).toBe('?lab=conflicts&likes-cut=none&likes-seed=4000000000&likes-rate=10&likes-from=0&likes-until=10');
    expect(likeConfigOf(read(search).values)).toEqual(config);
  });

  it('names each bad setting, uses the default or the nearest, and keeps the cut at least a second long', () => {
    const bad = read('?likes-cut=Z&likes-seed=-1&likes-rate=7&likes-from=8&likes-until=3');
    expect(likeConfigOf(bad.values)).toEqual({ ...DEFAULT_LIKE_CONFIG, cutStart: 8000, cutEnd: 9000 });
    expect(bad.problems).toEqual([
      'likes-cut=Z is not a server: use A, B, C or none. Server C is cut off instead.',
      'likes-seed=-1 is not a whole number from 0 to 4294967295; showing likes-seed=1.',
      'likes-rate=7 is not one of 1, 2, 3, 5, 10 likes a second; it is 3.',
      'likes-until=3 is not possible: likes-until is the second the cut ends, after it starts at 8, a whole number from 9 to 10; showing likes-until=9.',
    ]);
    // A cut that would start at the end moves back, and the default end moves with it.
    expect(likeConfigOf(read('?likes-from=12').values)).toMatchObject({ cutStart: 9000, cutEnd: 10_000 });
  });
});
