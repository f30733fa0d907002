import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CART_STORIES } from '../content/cartStories.ts';
import { CART_PARAMS } from '../labs/conflicts/model/cartLink.ts';
import { PANEL_PARAMS } from '../labs/conflicts/model/panelParams.ts';
import { MAX_COUNT, MAX_ENTRIES, nameProblem } from '../labs/conflicts/model/vv/vectorParam.ts';
import { makeScenario, type Scenario } from '../sim/scenario.ts';
import { CART_STORES } from '../sim/values/cart.ts';
import { MAX_MESSAGE, readParams, writeParams, type Bound, type ParamContext, type Params } from './params.ts';
import { PLAYGROUND_PARAMS } from './playgroundParams.ts';
import { QUORUM_PARAMS } from './quorumLink.ts';
import { crafted } from './testing/runs.ts';
import { RUN_SUPERSEDES, type LinkedRun } from './urlCodec.ts';

/*
 * Every parameter of every lab, through the one reader and writer: what is written reads
 * back the same, anywhere in the declared ranges; and whatever text a link holds, each
 * bad value gets one sentence, bounded and with nothing hostile left raw.
 */

const anyRun = (scenario: fc.Arbitrary<Scenario>): fc.Arbitrary<LinkedRun> =>
  fc.record({ scenario, time: fc.integer({ min: 0, max: 36_000_000 }).map((t) => t / 10) });
const plainRun = anyRun(
  fc
    .record({ seed: fc.integer({ min: 0, max: 0xffffffff }), at: fc.integer({ min: 0, max: 60_000 }), value: fc.stringMatching(/^[a-z0-9]{1,8}$/) })
    .map(({ seed, at, value }) => makeScenario({ seed, script: [{ at, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value }] })),
);
const cartRun = anyRun(
  fc
    .record({ story: fc.constantFrom(...CART_STORIES), seed: fc.integer({ min: 0, max: 0xffffffff }), strategy: fc.constantFrom(...CART_STORES.map((s) => s.id)) })
    .map(({ story, seed, strategy }) => story.scenario(seed, strategy)),
);

const LABS: readonly { readonly id: string; readonly params: Params; readonly runs: fc.Arbitrary<LinkedRun> }[] = [
  { id: 'playground', params: PLAYGROUND_PARAMS, runs: plainRun },
  { id: 'quorum', params: QUORUM_PARAMS, runs: plainRun },
  { id: 'conflicts', params: { ...CART_PARAMS, ...PANEL_PARAMS }, runs: cartRun },
];

const at = (b: Bound | undefined, read: ParamContext) => (typeof b === 'function' ? b(read) : b!);
const nodeName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,24}$/).filter((n) => nameProblem(n) === null);
const vector = fc.uniqueArray(fc.record({ node: nodeName, count: fc.integer({ min: 0, max: MAX_COUNT }) }), { selector: (e) => e.node, maxLength: MAX_ENTRIES });

/** Values anywhere in the declared ranges, drawn in declaration order (a range may depend on an earlier value). */
function declaredValues(params: Params, runs: fc.Arbitrary<LinkedRun>): fc.Arbitrary<Record<string, unknown>> {
  const given = new Set(Object.keys(params));
  const draw = (p: Params[string], read: ParamContext): fc.Arbitrary<unknown> => {
    if (p.type === 'int') return fc.integer({ min: at(p.min, read), max: at(p.max, read) });
    if (p.type === 'choice') return fc.constantFrom(...p.choices!);
    if (p.type === 'vector') return vector;
    if (p.type === 'run') return fc.option(runs, { nil: null });
    throw new Error(`no generator for ${p.type}`);
  };
  return Object.entries(params).reduce<fc.Arbitrary<Record<string, unknown>>>(
    (before, [name, p]) => before.chain((values) => draw(p, { values, given }).map((v) => ({ ...values, [name]: v }))),
    fc.constant({}),
  );
}

/** What reading gives back: the values, except that beside a run the parameters it replaces keep their defaults. */
function expected(params: Params, written: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const read = { values, given: new Set(Object.keys(params)) };
  for (const [name, p] of Object.entries(params)) values[name] = p.startsRun && written.run ? p.fallback(read) : written[name];
  return values;
}

/** What a hostile or careless link may hold. */
const badText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Long texts are a short one repeated: as hostile, and quick to shrink when a property fails.
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 9_000, max: 11_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  fc.constantFrom('x'.repeat(10_000), '\u202E', `${'x'.repeat(10_000)}\u202E`, `\u202E${'x'.repeat(10_000)}`, '\u0000\u200F\u2066', '-1', '1e400', 'NaN', '__proto__', 'none,none:1'),
);
const RAW_HOSTILE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

describe.each(LABS)('the $id lab’s address', ({ params, runs }) => {
  it('declares run first, so a run read from the link can replace what only starts one', () => {
    expect(Object.keys(params)[0]).toBe('run');
  });

  it('reads back whatever it writes, anywhere in the declared ranges', () => {
    fc.assert(
      fc.property(declaredValues(params, runs), (values) => {
        const search = writeParams('?lab=x&unknown=1', params, values);
        const back = readParams(params, search);
        expect(back.problems).toEqual([]);
        expect(back.values).toEqual(expected(params, values));
      }),
      { numRuns: 60 },
    );
  });

  it('gives each bad value one short sentence, escaped, whatever the text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(params)), badText, (name, raw) => {
        const search = `?${new URLSearchParams({ [name]: raw }).toString()}`;
        const { problems } = readParams(params, search);
        expect(problems.length).toBeLessThanOrEqual(1);
        // The declaration's own sentence, before the reader's cap: short by construction.
        const param = params[name]!;
        const text = new URLSearchParams(search).get(name)!;
        const parsed = param.parse(text, name, { values: readParams(params, '').values, given: new Set([name]) });
        if (!parsed.ok && (text !== '' || param.emptyIsValue)) {
          expect(parsed.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
          expect(parsed.message).not.toMatch(RAW_HOSTILE);
          expect(problems[0]).toBe(parsed.message);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('quotes a 10,000-character value with a right-to-left override short, for every parameter', () => {
    for (const name of Object.keys(params)) {
      for (const problem of readParams(params, `?${name}=${'x'.repeat(10_000)}%E2%80%AE`).problems) {
        expect(problem.length).toBeLessThanOrEqual(MAX_MESSAGE);
        expect(problem).not.toContain('x'.repeat(25));
        expect(problem).not.toMatch(RAW_HOSTILE);
      }
    }
  });
});

describe('a run whose settings quote the link’s own text', () => {
  it('is refused with a sentence that is escaped and bounded', () => {
    const run = crafted(JSON.stringify({ cluster: { [`${'k'.repeat(5_000)}\u202E`]: 1 } }));
    for (const { params } of LABS) {
      const [problem] = readParams(params, `?run=${run}`).problems;
      expect(problem).toMatch(/^This link's run could not be read/);
      expect(problem!.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(problem).not.toMatch(RAW_HOSTILE);
      // Bounded by the declaration itself, not only by the reader's cap, which would cut off what the lab does instead.
      const parsed = params.run!.parse(run, 'run', { values: {}, given: new Set() });
      expect(parsed.ok ? null : parsed.message).toBe(problem);
      expect(problem).toMatch(/instead\.$/);
    }
  });
});

describe('RUN_SUPERSEDES', () => {
  it('names exactly the parameters the labs declare as only starting a run', () => {
    const declared = new Set(LABS.flatMap(({ params }) => Object.entries(params).filter(([, p]) => p.startsRun).map(([name]) => name)));
    expect(new Set(RUN_SUPERSEDES)).toEqual(declared);
  });
});
