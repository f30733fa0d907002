import { describe, expect, it } from 'vitest';
import { CART_STORIES } from '../../../content/cartStories.ts';
import { readParams, writeParams } from '../../../embed/params.ts';
import { encodeRun } from '../../../embed/urlCodec.ts';
import { makeScenario } from '../../../sim/scenario.ts';
import { CART_PARAMS } from './cartLink.ts';

const read = (search: string) => readParams(CART_PARAMS, search);

describe('the cart’s address (story=, seed=, run=)', () => {
  it('opens a story with a seed, or the first story with seed 1', () => {
    expect(read('?lab=conflicts&story=skew&seed=5').values).toMatchObject({ story: { id: 'skew' }, seed: 5, run: null });
    expect(read('?lab=conflicts').values).toMatchObject({ story: CART_STORIES[0], seed: 1 });
  });

  it('accepts the seeds every lab accepts, beyond the 2^31 − 1 it took before', () => {
    expect(read('?seed=4294967295').values.seed).toBe(4294967295);
  });

  it('names an unknown story and a bad seed, escaped and short', () => {
    const { values, problems } = read(`?story=%E2%80%AEevil${'x'.repeat(10_000)}&seed=-3`);
    expect(values).toMatchObject({ story: CART_STORIES[0], seed: 1 });
    expect(problems).toEqual([
      `There is no story called “U+202Eevil${'x'.repeat(14)}…”; the stories are lag, cut, add-wins, skew. Showing “${CART_STORIES[0]!.title}”.`,
      'seed=-3 is not a whole number from 0 to 4294967295; showing seed=1.',
    ]);
  });

  it('opens a cart run, and then reads neither story nor seed', () => {
    const scenario = CART_STORIES[1]!.scenario(9, 'cart-mv');
    const search = writeParams('?lab=conflicts&story=nonsense&seed=x', CART_PARAMS, { run: { scenario, time: 1200 } });
    const { values, given, problems } = read(search);
    expect(values.run).toEqual({ scenario, time: 1200 });
    expect(given.has('story')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('refuses a run from another lab, and then reads story and seed', () => {
    const other = encodeRun({ scenario: makeScenario({ seed: 3 }), time: 0 });
    const { values, problems } = read(`?run=${other}&story=cut&seed=4`);
    expect(values).toMatchObject({ run: null, story: { id: 'cut' }, seed: 4 });
    expect(problems).toEqual(['This link’s run is not a cart run (it comes from another lab). The lab started from its first story instead.']);
  });

  it('refuses a cart run on more replicas than N: a cart is changed where it is read, so every replica must hold it', () => {
    const story = CART_STORIES[0]!.scenario(2, 'cart-orset');
    const wide = encodeRun({ scenario: { ...story, cluster: { ...story.cluster, replicas: 5 } }, time: 0 });
    const { values, problems } = read(`?run=${wide}`);
    expect(values.run).toBeNull();
    expect(problems).toEqual(['This link’s run has N = 3 of 5 replicas; in this lab a cart run needs exactly three replicas, each holding the cart (N = 3 of 3). The lab started from its first story instead.']);
  });
});
