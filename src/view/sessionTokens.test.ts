import { describe, expect, it } from 'vitest';
import { SESSION_STORIES } from '../content/sessionStories.ts';
import type { NodeId } from '../sim/ids.ts';
import { Simulation } from '../sim/simulation.ts';
import { heldAt, heldNote, tokensAt } from './sessionTokens.ts';

function run(storyId: string, fix: Parameters<(typeof SESSION_STORIES)[number]['scenario']>[0]) {
  const sim = new Simulation(SESSION_STORIES.find((s) => s.id === storyId)!.scenario(fix));
  sim.runUntil(10_000);
  return sim;
}

describe('session tokens and what replicas hold back, read from the trace', () => {
  it('give each user what it had written and read by then, and the replica a sticky user keeps to', () => {
    const sim = run('own-write', 'sticky');
    const clients = ['alice', 'bob'] as NodeId[];
    expect(tokensAt(sim.trace, clients, 50)).toEqual([
      { client: 'alice', home: 'A', wrote: [], read: [] },
      { client: 'bob', home: null, wrote: [], read: [] },
    ]);
    expect(tokensAt(sim.trace, clients, 1000)[0]).toEqual({ client: 'alice', home: 'A', wrote: ['x = 1'], read: ['x = 1'] });
  });

  it('name the write B holds back under causal delivery, only while it waits', () => {
    const sim = run('comment-first', 'deps');
    expect(heldAt(sim.trace, 400)).toEqual([{ node: 'B', op: 1, text: 'B holds alice’s write comment = First! until it has what that write depends on.' }]);
    expect(heldNote(sim.trace, 'B' as NodeId, 400)).toBe('1 write held back');
    expect(heldNote(sim.trace, 'A' as NodeId, 400)).toBe('');
    expect(heldAt(sim.trace, 2000)).toEqual([]);
  });

  it('name a read waiting for its user’s session', () => {
    const sim = run('own-write', 'version');
    const waiting = sim.trace.waits[0]!;
    expect(heldNote(sim.trace, waiting.node, waiting.from)).toBe('1 read waiting');
    expect(heldAt(sim.trace, waiting.from)[0]!.text).toBe('B holds alice’s read of x until it has what alice has already seen.');
  });
});
