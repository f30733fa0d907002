import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, entriesAhead, type VersionVector } from '../../../../sim/values/versionVector.ts';
import { explain } from './explain.ts';
import { MODULE_EXAMPLES, toVector } from './vectorParam.ts';

const vv: fc.Arbitrary<VersionVector> = fc.dictionary(fc.constantFrom('Node1', 'Node2', 'Node3', 'A'), fc.integer({ min: 0, max: 3 }));

describe('explain: the module examples', () => {
  const cases = MODULE_EXAMPLES.map(([a, b]) => explain(toVector(a), toVector(b)));

  it('gives the verdicts of the module', () => {
    expect(cases.map((c) => c.headline)).toEqual(['Concurrent — a conflict', 'A dominates B', 'Concurrent — a conflict', 'A dominates B']);
  });

  it('names the deciding entries', () => {
    expect(cases.map((c) => [c.aAhead, c.bAhead])).toEqual([
      [['Node1'], ['Node2']],
      [['Node1'], []],
      [['Node1'], ['Node2']],
      [['Node1'], []],
    ]);
    expect(cases[0]!.reason).toBe(
      'A is ahead at Node1, and B is ahead at Node2: each has seen a write the other has not. Neither can replace the other, so a store has to keep both (as siblings) or merge them.',
    );
    expect(cases[1]!.reason).toContain('A is ahead at Node1 and behind at no node');
  });

  it('marks the table rows where each side is ahead, and keeps zero entries', () => {
    expect(cases[1]!.rows).toEqual([
      { node: 'Node1', a: 2, b: 1, aMissing: false, bMissing: false, merged: 2, ahead: 'A' },
      { node: 'Node2', a: 0, b: 0, aMissing: false, bMissing: false, merged: 0, ahead: null },
    ]);
  });

  it('merges the story’s two writes into {Node1:2, Node2:1}, a context rather than a version, and shows the write that settles them', () => {
    expect(cases[0]!.mergedText).toBe('{Node1:2, Node2:1}');
    expect(cases[0]!.nextWrite).toEqual({ node: 'Node1', vector: { Node1: 3, Node2: 1 }, text: '{Node1:3, Node2:1}' });
    expect(cases[0]!.mergedMeaning).toBe(
      'It is not a version but what a client has seen after reading both A and B. A write made with that context is a new version: its vector is the merge plus one at the node that takes the write (a write at Node1 gets {Node1:3, Node2:1}), and it dominates both A and B. (That is so when that node has taken no write the client has not seen; otherwise the new write is listed above a gap.)',
    );
    expect(cases[1]!.nextWrite).toBeNull();
    expect(cases[1]!.mergedMeaning).toBe('That is A’s vector again: A had already seen everything B had.');
  });
});

describe('explain: edge cases', () => {
  it('says equal vectors do not dominate each other, and a missing entry counts as 0', () => {
    const e = explain({ A: 1 }, { A: 1, B: 0 });
    expect(e.verdict).toBe('equal');
    expect(e.reason).toContain('Neither dominates');
    expect(e.rows[1]).toMatchObject({ node: 'B', a: 0, aMissing: true, bMissing: false, ahead: null });
  });

  it('names B when B dominates, listing several nodes in plain English', () => {
    const e = explain({ A: 1 }, { A: 2, B: 1, C: 3 });
    expect(e.headline).toBe('B dominates A');
    expect(e.reason).toContain('B is ahead at A, B and C and behind at no node');
  });
});

describe('explain: laws', () => {
  it('has deciding entries exactly when the verdict is not "equal"', () => {
    fc.assert(
      fc.property(vv, vv, (a, b) => {
        const e = explain(a, b);
        expect(e.aAhead.length + e.bAhead.length > 0).toBe(e.verdict !== 'equal');
        expect(e.rows.filter((r) => r.ahead !== null).map((r) => r.node)).toEqual([...e.aAhead, ...e.bAhead].sort());
      }),
    );
  });

  it('calls A dominant exactly when A is ahead somewhere and behind nowhere', () => {
    fc.assert(
      fc.property(vv, vv, (a, b) => {
        const e = explain(a, b);
        expect(e.verdict === 'a-dominates').toBe(e.aAhead.length > 0 && e.bAhead.length === 0);
        expect(e.verdict === 'concurrent').toBe(e.aAhead.length > 0 && e.bAhead.length > 0);
        expect(explain(b, a).verdict).toBe({ 'a-dominates': 'b-dominates', 'b-dominates': 'a-dominates', equal: 'equal', concurrent: 'concurrent' }[e.verdict]);
      }),
    );
  });

  it('merges to a vector that has seen both, and dominates both when they conflict', () => {
    fc.assert(
      fc.property(vv, vv, (a, b) => {
        const e = explain(a, b);
        for (const v of [a, b]) expect(['after', 'equal']).toContain(compare(e.merged, v));
        if (e.verdict === 'concurrent') {
          expect(compare(e.merged, a)).toBe('after');
          expect(compare(e.merged, b)).toBe('after');
          // The write that settles the conflict: one more at its node than the merge, and after both.
          const next = e.nextWrite!;
          expect(compare(next.vector, e.merged)).toBe('after');
          expect(entriesAhead(next.vector, e.merged)).toEqual([next.node]);
          expect(next.vector[next.node]).toBe(e.merged[next.node]! + 1);
          expect(compare(next.vector, a)).toBe('after');
          expect(compare(next.vector, b)).toBe('after');
        } else {
          expect(e.nextWrite).toBeNull();
        }
      }),
    );
  });
});
