import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparerReducer, initComparer, readRows, rowsToEntries, type ComparerState } from './comparerState.ts';
import { MAX_ENTRIES, toVector, type VectorEntry } from './vectorParam.ts';

const start = initComparer([{ node: 'Node1', count: 2 }, { node: 'Node2', count: 0 }], [{ node: 'Node1', count: 1 }]);

describe('comparer rows', () => {
  it('loads entries as rows with ids that are never reused', () => {
    expect(start.A.map((r) => [r.node, r.count])).toEqual([['Node1', '2'], ['Node2', '0']]);
    const again = comparerReducer(start, { type: 'load', a: [{ node: 'X', count: 1 }], b: [] });
    expect(again.A[0]!.id).toBeGreaterThan(Math.max(...[...start.A, ...start.B].map((r) => r.id)));
  });

  it('adds the first free NodeN at count 0 and remembers it for focus', () => {
    const s = comparerReducer(start, { type: 'add', side: 'B' });
    expect(s.B.map((r) => r.node)).toEqual(['Node1', 'Node2']);
    expect(s.B[1]).toMatchObject({ count: '0', id: s.added });
    expect(comparerReducer(start, { type: 'add', side: 'A' }).A[2]!.node).toBe('Node3');
  });

  it('stops adding at the limit', () => {
    let s: ComparerState = start;
    for (let i = 0; i < 20; i++) s = comparerReducer(s, { type: 'add', side: 'A' });
    expect(s.A).toHaveLength(MAX_ENTRIES);
  });

  it('edits and removes one row, leaving the rest alone', () => {
    const id = start.A[0]!.id;
    let s = comparerReducer(start, { type: 'count', side: 'A', id, count: '5' });
    s = comparerReducer(s, { type: 'name', side: 'A', id, node: 'N1' });
    expect(readRows(s.A).vector).toEqual({ N1: 5, Node2: 0 });
    s = comparerReducer(s, { type: 'remove', side: 'A', id: start.A[1]!.id });
    expect(readRows(s.A).vector).toEqual({ N1: 5 });
    expect(s.B).toBe(start.B);
  });
});

describe('readRows', () => {
  it('refuses a bad name, a repeated node and a bad count, row by row', () => {
    const r = readRows([
      { id: 1, node: 'Node1', count: '1' },
      { id: 2, node: 'Node1', count: '2' },
      { id: 3, node: '', count: '2' },
      { id: 4, node: 'Node4', count: '-2' },
      { id: 5, node: 'Node5', count: '' },
      { id: 6, node: 'No\u202Ede', count: '1' },
    ]);
    expect(r.vector).toBeNull();
    expect([...r.problems.keys()]).toEqual([2, 3, 4, 5, 6]);
    expect(r.problems.get(2)).toBe('Node1 is already in this vector.');
    expect(r.problems.get(3)).toBe('The node name is empty.');
    expect(r.problems.get(4)).toMatch(/^The count is negative/);
    expect(r.problems.get(5)).toMatch(/^The count is empty/);
    expect(r.problems.get(6)).toMatch(/may use only letters/);
  });

  it('reads back the entries it was loaded with', () => {
    const entry = fc.record({ node: fc.stringMatching(/^[A-Z][a-z0-9]{0,5}$/), count: fc.nat(1_000_000_000) });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.node, maxLength: MAX_ENTRIES }), (list: VectorEntry[]) => {
        const s = initComparer(list, []);
        expect(readRows(s.A)).toEqual({ vector: toVector(list), problems: new Map() });
        expect(rowsToEntries(s.A)).toEqual(list);
      }),
    );
  });
});
