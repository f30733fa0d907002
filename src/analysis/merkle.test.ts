import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree, compare } from './merkle.ts';

const copy = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('Merkle-tree comparison', () => {
  it('finds nothing to send between equal copies, past the roots', () => {
    const a = copy({ x: '1', y: '2', z: '3' });
    const c = compare(a, new Map(a), 3);
    expect(c).toMatchObject({ differing: [], differentNodes: [], hashesSent: 2 });
    expect(c.bytesSent).toBe(16);
  });

  it('opens only the path to a differing key, and sends less than the whole state', () => {
    const keys = Array.from({ length: 200 }, (_, i) => [`k${i}`, `v${i}`] as const);
    const a = new Map<string, string>(keys);
    const b = new Map<string, string>(keys);
    b.set('k42', 'changed');
    const c = compare(a, b, 6);
    expect(c.differing).toEqual(['k42']);
    // One node a level, root to leaf.
    expect(c.differentNodes).toHaveLength(7);
    expect(c.differentNodes[0]).toBe('0:0');
    expect(c.bytesSent).toBeLessThan(c.wholeStateBytes / 5);
  });

  it('counts a key one copy lacks as differing', () => {
    expect(compare(copy({ x: '1' }), copy({ x: '1', y: '2' }), 2).differing).toEqual(['y']);
  });

  it('refuses a depth it cannot build', () => {
    expect(() => buildTree(new Map(), 13)).toThrow('depth 13 is not a whole number from 0 to 12');
  });

  it('finds exactly the keys whose values differ, whatever the copies and the depth', () => {
    const entries = fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), fc.stringMatching(/^[0-9]{1,3}$/), { maxKeys: 40 });
    fc.assert(
      fc.property(entries, entries, fc.integer({ min: 0, max: 6 }), (ea, eb, depth) => {
        const a = copy(ea);
        const b = copy(eb);
        const expected = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
        expect(compare(a, b, depth).differing).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
