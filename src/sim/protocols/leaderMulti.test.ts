import './leaderInstall.ts';
import '../values/crdt/index.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../ids.ts';
import { makeScenario, type Action, type ClusterConfig } from '../scenario.ts';
import { validateScenario } from '../scenarioSchema.ts';
import { Simulation } from '../simulation.ts';
import { distribution } from '../testing/arbitraries.ts';
import { regions } from './regions.ts';

const W = (at: number, value: string, client: string, key = 'x'): Action => ({ at, type: 'write', client, coordinator: 'A', key, value });
/** The two regions, A with c1 and B, C with c2, cut apart from 500 ms to 3 s. */
const SPLIT: Action[] = [
  { at: 500, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] },
  { at: 3000, type: 'heal-all' },
];

function run(script: Action[], cluster: Partial<ClusterConfig> = {}, until = 10_000) {
  const checked = validateScenario(makeScenario({ seed: 3, cluster: { topology: 'multi-leader', ...cluster }, script }));
  if (!checked.ok) throw new Error(checked.error);
  const sim = new Simulation(checked.value);
  sim.runUntil(until);
  return sim;
}

const values = (sim: Simulation, node: string, key = 'x') => sim.strategy.values(sim.replica(node as NodeId).storage.get(key) ?? sim.strategy.empty()).sort();

describe('multi-leader replication', () => {
  it('splits the ring into two regions, each led by its first replica', () => {
    expect(regions(['A', 'B', 'C'] as NodeId[])).toEqual([['A'], ['B', 'C']]);
    expect(regions(['A', 'B', 'C', 'D', 'E'] as NodeId[])).toEqual([['A', 'B'], ['C', 'D', 'E']]);
  });

  it('sends each client to its region’s leader, which answers at once; the other region gets the write through its leader', () => {
    const sim = run([W(0, '1', 'c2')]);
    const op = sim.trace.ops[0]!;
    expect(op.coordinator).toBe('B');
    expect(op.quorum).toEqual(['B']);
    for (const node of sim.ring) expect(values(sim, node)).toEqual(['1']);
    // A heard it from B, the other region's leader; C, B's follower, from B too.
    const copies = sim.trace.messages.slice().filter((m) => m.kind === 'replicate');
    expect(copies.map((m) => `${m.from}>${m.to}`).sort()).toEqual(['B>A', 'B>C']);
  });

  it('both regions take writes while cut apart; once healed, last write wins keeps one and siblings keep both', () => {
    const script = [...SPLIT, W(1000, 'left', 'c1'), W(1500, 'right', 'c2')];
    const lww = run(script, { strategy: 'lww' });
    expect(lww.trace.ops.map((o) => o.outcome)).toEqual(['ok', 'ok']);
    for (const node of lww.ring) expect(values(lww, node)).toEqual(['right']);
    const mv = run(script, { strategy: 'mv' });
    for (const node of mv.ring) expect(values(mv, node)).toEqual(['left', 'right']);
    const set = run([...SPLIT, W(1000, '+tv', 'c1'), W(1500, '+lamp', 'c2')], { strategy: 'or-set' });
    for (const node of set.ring) expect(values(set, node)).toEqual(['{lamp, tv}']);
  });

  it('refuses the leaderless protocol’s extras, but takes any value strategy', () => {
    expect(validateScenario(makeScenario({ cluster: { topology: 'multi-leader', strategy: 'or-set' } })).ok).toBe(true);
    expect(validateScenario(makeScenario({ cluster: { topology: 'multi-leader', sloppyQuorum: true } })).ok).toBe(false);
  });

  it('law: after any cuts, crashes and message loss heal, every replica holds the same state, with every write in it (an OR-Set keeps every add)', () => {
    const world = fc.record({
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      latency: distribution,
      loss: fc.double({ min: 0, max: 0.3, noNaN: true }),
      writes: fc.array(fc.record({ at: fc.integer({ min: 0, max: 5000 }), client: fc.constantFrom('c1', 'c2', 'c3'), key: fc.constantFrom('x', 'y') }), { minLength: 1, maxLength: 20 }),
      faults: fc.array(
        fc.oneof(
          fc.record({ at: fc.integer({ min: 0, max: 5000 }), node: fc.constantFrom('A', 'B', 'C', 'D') }).map(({ at, node }): Action => ({ at, type: 'crash', node })),
          fc.record({ at: fc.integer({ min: 0, max: 5000 }), node: fc.constantFrom('A', 'B', 'C', 'D') }).map(({ at, node }): Action => ({ at, type: 'recover', node })),
          fc.integer({ min: 0, max: 5000 }).map((at): Action => ({ at, type: 'partition', groups: [['A', 'B', 'c1', 'c3'], ['C', 'D', 'c2']] })),
        ),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(world, (w) => {
        const script: Action[] = [...w.writes.map((x, i) => ({ at: x.at, type: 'write' as const, client: x.client, coordinator: 'A', key: x.key, value: `+v${i}` })), ...w.faults, { at: 6000, type: 'heal-all' }, ...['A', 'B', 'C', 'D'].map((node): Action => ({ at: 6000, type: 'recover', node }))];
        const sim = new Simulation(makeScenario({ seed: w.seed, cluster: { replicas: 4, n: 4, clients: ['c1', 'c2', 'c3'], topology: 'multi-leader', strategy: 'or-set' }, network: { latency: w.latency, loss: w.loss }, script }));
        sim.runUntil(40_000);
        for (const key of ['x', 'y']) {
          const acked = sim.trace.ops.filter((o) => o.outcome === 'ok' && o.key === key).map((o) => o.value!.slice(1));
          const first = values(sim, 'A', key);
          for (const node of sim.ring) expect(values(sim, node, key)).toEqual(first);
          const items = first.length === 0 ? [] : first[0]!.slice(1, -1).split(', ').filter((s) => s !== '');
          for (const v of acked) expect(items).toContain(v);
        }
      }),
      { numRuns: 60 },
    );
  });
});
