import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../../sim/values/versionVector.ts';
import { historyOf, mv } from '../../../../sim/values/mv.ts';
import { DEMO_NODES, INITIAL_DEMO, demoReducer, siblingEntries, siblingVersion, valueProblem, type DemoAction, type DemoState } from './siblingDemo.ts';

const run = (actions: DemoAction[], from: DemoState = INITIAL_DEMO) => actions.reduce(demoReducer, from);
const shown = (s: DemoState, node: 'Node1' | 'Node2') => s.replicas[node].state.map((x) => `${x.value} ${siblingVersion(x)}`);

describe('the sibling demo: the module’s story', () => {
  const story = run([{ type: 'story' }]);

  it('ends with the two concurrent writes of the module, one at each replica', () => {
    expect(shown(story, 'Node1')).toEqual(['v2 {Node1:2, Node2:0}']);
    expect(shown(story, 'Node2')).toEqual(['v3 {Node1:1, Node2:1}']);
  });

  it('keeps both as siblings after a sync, and a read returns both', () => {
    const s = run([{ type: 'sync' }, { type: 'read', node: 'Node1' }], story);
    expect(shown(s, 'Node1')).toEqual(['v2 {Node1:2, Node2:0}', 'v3 {Node1:1, Node2:1}']);
    expect(shown(s, 'Node2')).toEqual(shown(s, 'Node1'));
    expect(s.replicas.Node1.lastRead).toEqual({ values: ['v2', 'v3'], context: '{Node1:2, Node2:1}' });
    expect(s.event).toContain('returns 2 values, siblings');
  });

  it('lets a write made after reading the siblings replace them, so the next read returns one value', () => {
    const s = run([{ type: 'sync' }, { type: 'read', node: 'Node2' }, { type: 'write', node: 'Node2', value: 'fixed' }, { type: 'read', node: 'Node2' }], story);
    expect(shown(s, 'Node2')).toEqual(['fixed {Node1:2, Node2:2}']);
    expect(s.replicas.Node2.lastRead?.values).toEqual(['fixed']);
    const synced = run([{ type: 'sync' }], s);
    expect(shown(synced, 'Node1')).toEqual(['fixed {Node1:2, Node2:2}']);
  });

  it('keeps a sibling the writer had not read: writing without reading does not resolve the conflict', () => {
    const s = run([{ type: 'sync' }, { type: 'write', node: 'Node1', value: 'blind' }], story);
    expect(s.replicas.Node1.state.map((x) => x.value)).toEqual(['blind', 'v3']);
    expect(s.event).toBe('Node1 stored "blind" with version {Node1:3, Node2:0}. It replaces "v2": its writer had seen that version. "v3" stays beside it as a sibling: the writer had not seen it.');
  });

  it('gives sibling versions as entries for the comparer', () => {
    const s = run([{ type: 'sync' }], story);
    expect(s.replicas.Node1.state.map(siblingEntries)).toEqual([
      [{ node: 'Node1', count: 2 }, { node: 'Node2', count: 0 }],
      [{ node: 'Node1', count: 1 }, { node: 'Node2', count: 1 }],
    ]);
  });
});

describe('the sibling demo: details', () => {
  it('refuses empty, long and hostile values without changing anything', () => {
    expect(valueProblem('  ')).toBe('Type a value to write first.');
    expect(valueProblem('x'.repeat(21))).toMatch(/at most 20/);
    expect(valueProblem('a\u202Eb')).toMatch(/control characters/);
    expect(run([{ type: 'write', node: 'Node1', value: '' }])).toBe(INITIAL_DEMO);
  });

  it('says when a sync changes nothing and when a read finds nothing', () => {
    expect(run([{ type: 'read', node: 'Node1' }]).event).toBe('A read at Node1 finds nothing yet.');
    expect(run([{ type: 'sync' }]).event).toMatch(/nothing changed/);
  });

  it('starts over', () => {
    expect(run([{ type: 'story' }, { type: 'reset' }])).toBe(INITIAL_DEMO);
  });
});

const action: fc.Arbitrary<DemoAction> = fc.oneof(
  fc.record({ type: fc.constant('write' as const), node: fc.constantFrom(...DEMO_NODES), value: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ type: fc.constant('read' as const), node: fc.constantFrom(...DEMO_NODES) }),
  fc.constant({ type: 'sync' } as const),
);

describe('the sibling demo: laws', () => {
  it('keeps siblings exactly when their versions are concurrent, and a read returns every sibling', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const s = run(actions);
        for (const node of DEMO_NODES) {
          const sibs = s.replicas[node].state;
          for (const x of sibs) expect(historyOf(x).dots).toEqual([]);
          for (let i = 0; i < sibs.length; i++)
            for (let j = i + 1; j < sibs.length; j++) expect(compare(historyOf(sibs[i]!).vv, historyOf(sibs[j]!).vv)).toBe('concurrent');
          expect(run([{ type: 'read', node }], s).replicas[node].lastRead?.values).toHaveLength(sibs.length);
        }
      }),
    );
  });

  it('leaves one value after a write made right after a read, and the same state at both replicas after a sync', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.constantFrom(...DEMO_NODES), (actions, node) => {
        const s = run([...actions, { type: 'read', node }, { type: 'write', node, value: 'z' }]);
        expect(s.replicas[node].state.map((x) => x.value)).toEqual(['z']);
        const synced = run([{ type: 'sync' }], run(actions));
        expect(mv.equals(synced.replicas.Node1.state, synced.replicas.Node2.state)).toBe(true);
      }),
    );
  });
});
