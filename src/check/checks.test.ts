import { describe, expect, it } from 'vitest';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { Timeline } from '../sim/timeline.ts';
import { divergent } from './convergence.ts';
import { staleChecker, staleReads } from './staleReads.ts';
import { workload } from '../sim/workload.ts';

/** N=3 W=1 R=1, and A cannot reach B or C: the write lands on A alone. */
const script: Action[] = [
  { at: 0, type: 'cut', from: 'A', to: 'B' },
  { at: 0, type: 'cut', from: 'A', to: 'C' },
  { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'new' },
  { at: 1000, type: 'read', client: 'c2', coordinator: 'B', key: 'x' },
  { at: 2000, type: 'heal-all' },
];

function run() {
  const sim = new Simulation(makeScenario({ cluster: { w: 1, r: 1, antiEntropyMs: 500 }, network: { latency: { kind: 'constant', ms: 50 } }, script }));
  sim.runUntil(8000);
  return sim;
}

describe('staleReads', () => {
  it('flags a read that missed an acknowledged write, naming the write', () => {
    const sim = run();
    const stale = staleReads(sim.trace.ops, sim.strategy);
    expect(stale).toHaveLength(1);
    expect(stale[0]!.read.coordinator).toBe('B');
    expect(stale[0]!.missed.map((w) => w.value)).toEqual(['new']);
  });

  it('does not flag a read that began before the write was acknowledged', () => {
    const early: Action[] = [script[0]!, script[1]!, { ...script[2]!, at: 100 }, { at: 0, type: 'read', client: 'c2', coordinator: 'B', key: 'x' }];
    const sim = new Simulation(makeScenario({ cluster: { w: 1, r: 1 }, script: early }));
    sim.runUntil(5000);
    expect(staleReads(sim.trace.ops, sim.strategy)).toEqual([]);
  });
});

describe('divergent', () => {
  it('groups replicas by what they hold while cut off, and finds none once healed', () => {
    const sim = run();
    const tl = new Timeline(sim.trace);
    const at = (t: number) => divergent(['x'], (k) => sim.preferenceList(k), (n, k) => tl.stateAt(n, k, t), sim.strategy);
    const groups = at(1500)[0]!.groups.map((g) => [...g].sort().join('')).sort();
    expect(groups).toEqual(['A', 'BC']);
    expect(at(8000)).toEqual([]);
  });
});

describe('staleChecker', () => {
  it('says stale of exactly the reads staleReads finds, on a busy run with W = R = 1', () => {
    for (const strategy of ['lww', 'mv'] as const) {
      const actions = workload({ from: 0, durationMs: 4000, opsPerSecond: 40, readFraction: 0.5, clients: ['c1', 'c2'], coordinators: ['A', 'B', 'C'], keys: ['x', 'y'], seed: 3 });
      const sim = new Simulation(makeScenario({ seed: 5, cluster: { w: 1, r: 1, strategy }, network: { latency: { kind: 'exponential', rate: 1 / 80 } }, script: actions }));
      sim.runUntil(8000);
      const expected = new Set(staleReads(sim.trace.ops, sim.strategy).map((s) => s.read));
      expect(expected.size, strategy).toBeGreaterThan(0);
      const isStale = staleChecker(sim.trace.ops, sim.strategy);
      for (const op of sim.trace.ops) expect(isStale(op), `${strategy} op ${op.id}`).toBe(expected.has(op));
      // Asked again, the remembered verdicts are the same.
      for (const op of sim.trace.ops) expect(isStale(op)).toBe(expected.has(op));
    }
  });
});

describe('staleChecker on a run that grows, as the app runs it', () => {
  it('asked while reads are still pending, it caches nothing wrong: at the end it agrees with staleReads', () => {
    const actions = workload({ from: 0, durationMs: 3000, opsPerSecond: 40, readFraction: 0.5, clients: ['c1', 'c2'], coordinators: ['A', 'B', 'C'], keys: ['x'], seed: 9 });
    const sim = new Simulation(makeScenario({ seed: 2, cluster: { w: 1, r: 1 }, network: { latency: { kind: 'exponential', rate: 1 / 80 } }, script: actions }));
    const isStale = staleChecker(sim.trace.ops, sim.strategy);
    // Ask about every operation at many moments, the way a view does each frame.
    for (let t = 50; t <= 6000; t += 50) {
      sim.runUntil(t);
      for (const op of sim.trace.ops) isStale(op);
    }
    const expected = new Set(staleReads(sim.trace.ops, sim.strategy).map((x) => x.read));
    expect(expected.size).toBeGreaterThan(0);
    for (const op of sim.trace.ops) expect(isStale(op), `op ${op.id}`).toBe(expected.has(op));
  });
});

