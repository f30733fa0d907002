import { describe, expect, it } from 'vitest';
import { nodeId, replicaIds } from './ids.ts';
import { crash, createReplica, nextCounter, preferenceList } from './replica.ts';

describe('replica', () => {
  it('places a key on N consecutive replicas round the ring', () => {
    const ring = replicaIds(5);
    for (const key of ['x', 'y', 'cart', 'likes']) {
      const prefs = preferenceList(key, ring, 3);
      expect(new Set(prefs).size).toBe(3);
      const start = ring.indexOf(prefs[0]!);
      expect(prefs).toEqual([0, 1, 2].map((i) => ring[(start + i) % 5]));
    }
    expect(preferenceList('x', ring, 5).sort()).toEqual([...ring].sort());
  });

  it('keeps storage through a crash unless told to lose what was not durable', () => {
    const r = createReplica(nodeId('A'), 0);
    r.storage.set('x', 'durable');
    r.durable.set('x', 'durable');
    r.storage.set('y', 'only in memory');
    expect(crash(r, false)).toEqual([]);
    expect(r.storage.get('y')).toBe('only in memory');
    r.up = true;
    r.storage.set('x', 'newer, not flushed');
    expect(crash(r, true).sort()).toEqual(['x', 'y']);
    expect(r.storage.get('x')).toBe('durable');
    expect(r.storage.has('y')).toBe(false);
  });

  it('never reuses a write counter, crash or not', () => {
    const r = createReplica(nodeId('A'), 0);
    expect(nextCounter(r, 'x')).toBe(1);
    crash(r, true);
    expect(nextCounter(r, 'x')).toBe(2);
    expect(nextCounter(r, 'y')).toBe(1);
  });
});
