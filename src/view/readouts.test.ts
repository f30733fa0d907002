import { describe, expect, it } from 'vitest';
import { staleReads } from '../check/staleReads.ts';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { Timeline } from '../sim/timeline.ts';
import { narrate } from './narration.ts';
import { nextEventAfter } from './nextEvent.ts';
import { replicaCells } from './replicaCells.ts';

/** C is cut off; x=2 reaches A and B only; a read through C is stale. */
const script: Action[] = [
  { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
  { at: 500, type: 'partition', groups: [['C', 'c2'], ['A', 'B', 'c1']] },
  { at: 600, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '2' },
  { at: 1000, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
];

function run() {
  const sim = new Simulation(makeScenario({ cluster: { w: 1, r: 1, antiEntropyMs: 0 }, network: { latency: { kind: 'constant', ms: 50 } }, script }));
  sim.runUntil(3000);
  return { sim, tl: new Timeline(sim.trace) };
}

describe('replicaCells', () => {
  it('groups replicas by state, counts how far behind each is, and gives each a stamp', () => {
    const { sim, tl } = run();
    const acked = sim.trace.ops.filter((o) => o.kind === 'write' && o.outcome === 'ok');
    const cells = replicaCells(sim.ring, ['x'], (k) => sim.preferenceList(k), (n, k) => tl.stateAt(n, k, 2000), acked, sim.strategy);
    const [a, b, c] = ['A', 'B', 'C'].map((id) => cells.get(id as never)![0]!);
    expect(a).toMatchObject({ values: ['2'], behind: 0, group: 0, holds: true });
    expect(b).toMatchObject({ values: ['2'], behind: 0, group: 0 });
    expect(c).toMatchObject({ values: ['1'], behind: 1, group: 1 });
    expect(c!.stamp).toMatch(/^@0\.050 s A$/);
  });
});

describe('narrate', () => {
  it('tells operations and faults in order, and calls a stale read stale', () => {
    const { sim } = run();
    const stale = new Set(staleReads(sim.trace.ops, sim.strategy).map((s) => s.read.id as number));
    const lines = narrate(sim.trace, 400, 3000, stale).map((l) => l.text);
    // One line for the whole partition, both directions of a link as one ↔, and no
    // client-to-client link (there is none).
    expect(lines[0]).toMatch(/^Links cut: /);
    for (const pair of ['A↔C', 'B↔C', 'C↔c1', 'A↔c2', 'B↔c2']) expect(lines[0]).toContain(pair);
    expect(lines[0]).not.toContain('c1↔c2');
    expect(lines).toContain('c1 writes x=2 through A');
    expect(lines).toContain('Write x=2 acknowledged by A');
    expect(lines).toContain('Read of x returned 1 — stale: it missed an acknowledged write');
    expect(narrate(sim.trace, 3000, 4000, stale)).toEqual([]);
  });

  it('tells a single one-way cut as one arrow', () => {
    const sim = new Simulation(makeScenario({ script: [{ at: 10, type: 'cut', from: 'A', to: 'B', oneWay: true }] }));
    sim.runUntil(100);
    expect(narrate(sim.trace, 0, 100, new Set()).map((l) => l.text)).toEqual(['Link A→B cut']);
  });
});

describe('nextEventAfter', () => {
  it('finds the next send, arrival, operation or fault', () => {
    const { sim } = run();
    expect(nextEventAfter(sim.trace, 0)).toBe(50);
    expect(nextEventAfter(sim.trace, 450)).toBe(500);
    expect(nextEventAfter(sim.trace, 10_000)).toBe(Infinity);
  });
});
