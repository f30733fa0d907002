import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceParam, intParam, seedParam } from './paramKinds.ts';
import { MAX_SHOWN, capped, readParams, shown, writeAddress, writeParams } from './params.ts';

/** What a message must never hold raw: control, format (bidi), surrogate and separator characters. */
const RAW_HOSTILE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
/** Long texts are a short one repeated: as hostile, and quick to shrink when a property fails. */
const longText = fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 9_000, max: 11_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), longText);

describe('shown: a learner’s text as a message quotes it', () => {
  it('is at most MAX_SHOWN characters and an ellipsis, with nothing hostile left raw', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const s = shown(raw);
        expect(s.length).toBeLessThanOrEqual(MAX_SHOWN + 1);
        expect(s).not.toMatch(RAW_HOSTILE);
      }),
    );
  });

  it('keeps short plain text as it is and writes hostile characters as code points', () => {
    expect(shown('or-set')).toBe('or-set');
    expect(shown('a\u202Eb\u0000c')).toBe('aU+202EbU+0000c');
    expect(shown('x'.repeat(10_000))).toBe(`${'x'.repeat(24)}…`);
    // An escape is never cut in half: it goes whole or not at all.
    expect(shown(`${'x'.repeat(20)}\u202E`)).toBe(`${'x'.repeat(20)}…`);
  });

  it('capped escapes a message from elsewhere and bounds it', () => {
    expect(capped(`bad ${'k'.repeat(1000)}\u202E`, 50)).toHaveLength(50);
    expect(capped('a\u2028b')).toBe('aU+2028b');
  });
});

const N = intParam({ min: 1, max: 9, fallback: 3, what: 'the number of replicas' });
const W = intParam({ min: 1, max: (read) => read.values.n as number, fallback: 2, what: 'acks' });
const PARAMS = { n: N, w: W, seed: seedParam(), kind: choiceParam({ choices: ['a', 'b'], fallback: 'a', bad: (v, used) => `kind=${v} is not a or b; showing ${used}.` }) };

describe('readParams', () => {
  it('reads each declared parameter, in order, with defaults for the missing', () => {
    expect(readParams(PARAMS, '?n=5&w=4&seed=9&kind=b')).toEqual({ values: { n: 5, w: 4, seed: 9, kind: 'b' }, given: new Set(['n', 'w', 'seed', 'kind']), problems: [], offers: {} });
    expect(readParams(PARAMS, '').values).toEqual({ n: 3, w: 2, seed: 1, kind: 'a' });
    // A range can depend on an earlier parameter, and the default is kept inside it.
    expect(readParams(PARAMS, '?n=1').values.w).toBe(1);
  });

  it('ignores parameters it does not declare, silently', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((k) => !(k in PARAMS)), fc.string(), { maxKeys: 5 }), (extra) => {
        const search = `?n=4&${new URLSearchParams(extra).toString()}`;
        expect(readParams(PARAMS, search)).toEqual(readParams(PARAMS, '?n=4'));
      }),
    );
  });

  it('takes a parameter with no value as not given', () => {
    expect(readParams(PARAMS, '?n=&kind=')).toEqual(readParams(PARAMS, ''));
  });

  it('replaces a bad number by the nearest that fits, or by the default where there is none', () => {
    expect(readParams(PARAMS, '?n=12').problems).toEqual(['n=12 is not possible: n is the number of replicas, a whole number from 1 to 9; showing n=9.']);
    expect(readParams(PARAMS, '?n=2.6').values.n).toBe(3);
    expect(readParams(PARAMS, '?n=lots').problems).toEqual(['n=lots is not a number: n is the number of replicas, a whole number from 1 to 9; showing n=3.']);
    expect(readParams(PARAMS, '?seed=2.5').problems).toEqual(['seed=2.5 is not a whole number from 0 to 4294967295; showing seed=1.']);
    expect(readParams(PARAMS, '?kind=c').problems).toEqual(['kind=c is not a or b; showing a.']);
  });

  it('still reads the forms of a number it always read', () => {
    expect(readParams(PARAMS, '?n=%205%20&seed=1e3').values).toMatchObject({ n: 5, seed: 1000 });
  });
});

describe('writeParams', () => {
  it('sets parameters in place, appends new ones, removes some and keeps the rest', () => {
    expect(writeParams('?lab=x&seed=2&other=a%20b&n=1', PARAMS, { n: 5, kind: 'b' }, ['seed'])).toBe('?lab=x&other=a+b&n=5&kind=b');
    expect(writeParams('', PARAMS, {})).toBe('');
    expect(writeAddress('https://host.test/lab/?n=1#top', PARAMS, { n: 2 })).toBe('https://host.test/lab/?n=2#top');
  });

  it('round-trips every value in the declared ranges', () => {
    const values = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.record({ n: fc.constant(n), w: fc.integer({ min: 1, max: n }), seed: fc.integer({ min: 0, max: 0xffffffff }), kind: fc.constantFrom('a', 'b') }),
    );
    fc.assert(
      fc.property(values, (v) => {
        expect(readParams(PARAMS, writeParams('?lab=x', PARAMS, v))).toMatchObject({ values: v, problems: [] });
      }),
    );
  });
});
