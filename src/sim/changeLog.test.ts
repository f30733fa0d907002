import { describe, expect, it } from 'vitest';
import { CAUSES, ChangeLog } from './changeLog.ts';
import { nodeId } from './ids.ts';

const nodes = [nodeId('A'), nodeId('B'), nodeId('C')];

describe('ChangeLog', () => {
  it('gives back each change as written, across chunks, with every cause', () => {
    const log = new ChangeLog(nodes);
    const states = Array.from({ length: 40_000 }, (_, i) => ({ v: i }));
    states.forEach((state, i) => log.push(i / 2, nodes[i % 3]!, `k${i % 1000}`, state, CAUSES[i % CAUSES.length]!));
    expect(log.length).toBe(40_000);
    for (const i of [0, 5, 16_383, 16_384, 39_999]) {
      expect(log.get(i)).toEqual({ at: i / 2, node: nodes[i % 3], key: `k${i % 1000}`, state: { v: i }, cause: CAUSES[i % CAUSES.length] });
      // The state is the replica's own value, by reference, not a copy.
      expect(log.state(i)).toBe(states[i]);
    }
    expect(log.get(40_000)).toBeUndefined();
    expect(log.slice(1, 3).map((c) => c.key)).toEqual(['k1', 'k2']);
  });

  it('refuses a node it does not know', () => {
    expect(() => new ChangeLog(nodes).push(0, nodeId('Z'), 'x', 1, 'write')).toThrow(/no node Z/);
  });
});
