import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readParams } from '../../../../embed/params.ts';
import { VECTOR_PARAMS } from '../panelParams.ts';
import { MAX_COUNT, MAX_ENTRIES, MODULE_EXAMPLES, formatVectorParam, nameProblem, parseVectorParam, type VectorEntry } from './vectorParam.ts';

const name = fc.stringMatching(/^[A-Za-z0-9_.-]{1,24}$/).filter((n) => nameProblem(n) === null);
const entryList: fc.Arbitrary<VectorEntry[]> = fc.uniqueArray(fc.record({ node: name, count: fc.integer({ min: 0, max: MAX_COUNT }) }), {
  selector: (e) => e.node,
  maxLength: MAX_ENTRIES,
});

function problemOf(raw: string): string {
  const r = parseVectorParam('va', raw);
  return r.ok ? '(accepted)' : r.problem;
}

describe('parseVectorParam', () => {
  it('reads the address spelling of a vector, keeping zeros and order', () => {
    expect(parseVectorParam('va', 'Node1:2,Node2:0')).toEqual({ ok: true, entries: [{ node: 'Node1', count: 2 }, { node: 'Node2', count: 0 }] });
    expect(parseVectorParam('va', ' B : 7 , A:1 ')).toEqual({ ok: true, entries: [{ node: 'B', count: 7 }, { node: 'A', count: 1 }] });
    expect(parseVectorParam('va', '')).toEqual({ ok: true, entries: [] });
  });

  it('round-trips: formatting then parsing gives the same entries', () => {
    fc.assert(
      fc.property(entryList, (list) => {
        expect(parseVectorParam('vb', formatVectorParam(list))).toEqual({ ok: true, entries: list });
      }),
    );
  });

  it.each([
    ['Node1:x', 'va: the count in "Node1:x" is not a whole number'],
    ['Node1:-1', 'va: the count in "Node1:-1" is negative'],
    ['Node1:1.5', 'is not a whole number'],
    ['Node1:1e3', 'is not a whole number'],
    ['Node1:1000000001', 'is larger than 1,000,000,000'],
    ['Node1:', 'the count in "Node1:" is empty'],
    ['Node1', 'has no colon'],
    ['Node1:1,,Node2:1', 'empty entry'],
    ['Node1:1,', 'empty entry'],
    ['Node1:1,Node1:2', 'node Node1 appears twice'],
    [`${'N'.repeat(25)}:1`, 'is longer than 24 characters'],
    [':1', 'the node name in ":1" is empty'],
    ['a b:1', 'may use only letters'],
    ['__proto__:1', 'is a reserved word'],
    ['constructor:1', 'is a reserved word'],
    [Array.from({ length: 13 }, (_, i) => `N${i}:1`).join(','), '13 entries is too many; a vector here has at most 12'],
    ['x'.repeat(2000), 'too long'],
  ])('refuses %j and says why', (raw, message) => {
    expect(problemOf(raw)).toContain(message);
    expect(problemOf(raw).startsWith('va: ')).toBe(true);
  });

  it('refuses bidi and control characters and never repeats them', () => {
    for (const raw of ['No\u202Ede1:1', 'Node1:1\u0000', 'Node\u200F1:2', 'Node1:\u20662']) {
      const problem = problemOf(raw);
      expect(problem).toMatch(/^va: /);
      expect(problem).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      expect(problem).toMatch(/U\+[0-9A-F]{4}/);
    }
  });
});

describe('the comparer’s vectors in the address (va=, vb=)', () => {
  const [exampleA, exampleB] = MODULE_EXAMPLES[0]!;
  const read = (search: string) => readParams(VECTOR_PARAMS, search);

  it('opens the first module example when the address names no vectors', () => {
    expect(read('?lab=conflicts')).toMatchObject({ values: { va: exampleA, vb: exampleB }, problems: [] });
  });

  it('opens the vectors of the address', () => {
    expect(read('?lab=conflicts&va=Node1:2,Node2:1&vb=Node1:1,Node2:2')).toMatchObject({
      values: { va: [{ node: 'Node1', count: 2 }, { node: 'Node2', count: 1 }], vb: [{ node: 'Node1', count: 1 }, { node: 'Node2', count: 2 }] },
      problems: [],
    });
  });

  it('takes a missing vector as empty when the other is given, and va= as the empty vector', () => {
    expect(read('?va=A:1').values).toEqual({ va: [{ node: 'A', count: 1 }], vb: [] });
    expect(read('?va=&vb=B:1').values).toEqual({ va: [], vb: [{ node: 'B', count: 1 }] });
    expect(read('?va=&vb=').values).toEqual({ va: [], vb: [] });
  });

  it('replaces each refused vector by its side of the first example, naming the parameter', () => {
    const r = read('?va=Node1:-3&vb=Node1:abc');
    expect(r.values).toEqual({ va: exampleA, vb: exampleB });
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^va: .*negative; .* Showing the module's first example instead: Node1:2,Node2:0\.$/);
    expect(r.problems[1]).toMatch(/^vb: .*not a whole number; .* Showing the module's first example instead: Node1:1,Node2:1\.$/);
  });

  it('never throws, whatever the address holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), (va, vb) => {
        const r = read(`?${new URLSearchParams({ va, vb }).toString()}`);
        for (const list of [r.values.va, r.values.vb]) {
          expect(list.length).toBeLessThanOrEqual(MAX_ENTRIES);
          for (const e of list) {
            expect(nameProblem(e.node)).toBeNull();
            expect(Number.isInteger(e.count) && e.count >= 0 && e.count <= MAX_COUNT).toBe(true);
          }
        }
      }),
    );
  });
});
