import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, entriesAhead, format, leq, merge, withEntry, type VersionVector } from './versionVector.ts';

const vv: fc.Arbitrary<VersionVector> = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), fc.integer({ min: 0, max: 4 }));

describe('version vectors: the module examples', () => {
  it('calls {Node1: 2, Node2: 0} and {Node1: 1, Node2: 1} concurrent', () => {
    expect(compare({ Node1: 2, Node2: 0 }, { Node1: 1, Node2: 1 })).toBe('concurrent');
  });
  it('orders a vector before one that has seen everything it has and more', () => {
    expect(compare({ A: 1, B: 1 }, { A: 2, B: 1 })).toBe('before');
    expect(compare({ A: 2, B: 1 }, { A: 1, B: 1 })).toBe('after');
  });
  it('treats a missing entry as 0, in both directions (the sample code did not)', () => {
    expect(compare({ A: 1 }, { A: 1, B: 0 })).toBe('equal');
    expect(compare({ A: 1 }, { A: 1, B: 1 })).toBe('before');
    expect(compare({ A: 1, B: 1 }, { A: 1 })).toBe('after');
    expect(compare({ B: 1 }, { A: 1 })).toBe('concurrent');
  });
  it('names the entries that put one vector ahead', () => {
    expect(entriesAhead({ A: 2, B: 0 }, { A: 1, B: 1 })).toEqual(['A']);
  });
  it('formats entries in node order and drops zeros when set', () => {
    expect(format({ B: 1, A: 2 })).toBe('{A:2, B:1}');
    expect(withEntry({ A: 1, B: 2 }, 'B', 0)).toEqual({ A: 1 });
  });
});

describe('version vectors: laws', () => {
  it('compare is a partial order: reflexive, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(vv, vv, vv, (a, b, c) => {
        expect(compare(a, a)).toBe('equal');
        if (leq(a, b) && leq(b, a)) expect(compare(a, b)).toBe('equal');
        if (leq(a, b) && leq(b, c)) expect(leq(a, c)).toBe(true);
      }),
    );
  });

  it('compare agrees with leq and is its own mirror image', () => {
    const mirror = { equal: 'equal', before: 'after', after: 'before', concurrent: 'concurrent' } as const;
    fc.assert(
      fc.property(vv, vv, (a, b) => {
        const o = compare(a, b);
        expect(compare(b, a)).toBe(mirror[o]);
        expect(o === 'before' || o === 'equal').toBe(leq(a, b));
      }),
    );
  });

  it('merge is the least upper bound', () => {
    fc.assert(
      fc.property(vv, vv, vv, (a, b, c) => {
        const m = merge(a, b);
        expect(leq(a, m) && leq(b, m)).toBe(true);
        // Least: any other upper bound is above it.
        if (leq(a, c) && leq(b, c)) expect(leq(m, c)).toBe(true);
        expect(compare(merge(a, b), merge(b, a))).toBe('equal');
        expect(compare(merge(merge(a, b), c), merge(a, merge(b, c)))).toBe('equal');
        expect(compare(merge(a, a), a)).toBe('equal');
      }),
    );
  });
});

describe('node names that are also Object.prototype names', () => {
  it('are plain nodes: compared, merged and formatted like any other', () => {
    const a = JSON.parse('{"constructor": 2, "__proto__": 1}') as Record<string, number>;
    const b = JSON.parse('{"toString": 1}') as Record<string, number>;
    expect(compare(a, {})).toBe('after');
    expect(compare(a, b)).toBe('concurrent');
    expect(entriesAhead(b, a)).toEqual(['toString']);
    const m = merge(a, b);
    expect(Object.keys(m).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(compare(m, a)).toBe('after');
    expect(format(withEntry({}, '__proto__', 3))).toBe('{__proto__:3}');
  });
});
