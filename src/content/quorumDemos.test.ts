import { describe, expect, it } from 'vitest';
import { staleReads } from '../check/staleReads.ts';
import { validateScenario } from '../sim/scenarioSchema.ts';
import { Simulation } from '../sim/simulation.ts';
import { QUORUM_DEMOS } from './quorumDemos.ts';

describe('quorum demos', () => {
  const demo = QUORUM_DEMOS.find((d) => d.id === 'sloppy-stale')!;

  it('is a valid scenario', () => {
    expect(validateScenario(JSON.parse(JSON.stringify(demo.scenario(1)))).ok).toBe(true);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`does what its story says, seed ${seed}: an acknowledged write, then a stale read with W + R > N, then the hint handed back`, () => {
      const scenario = demo.scenario(seed);
      expect(scenario.cluster.w + scenario.cluster.r).toBeGreaterThan(scenario.cluster.n);
      const sim = new Simulation(scenario);
      sim.runUntil(10_000);
      const [write, read] = sim.trace.ops;
      expect(write!.outcome).toBe('ok');
      expect(read!.outcome).toBe('ok');
      expect(staleReads(sim.trace.ops, sim.strategy).map((s) => s.read.id)).toEqual([read!.id]);
      expect(sim.trace.hints.some((h) => h.state !== null)).toBe(true);
      expect(sim.trace.messages.slice().some((m) => m.kind === 'handoff' && m.fate === 'delivered')).toBe(true);
    });
  }
});

describe('read repair demo', () => {
  const demo = QUORUM_DEMOS.find((d) => d.id === 'read-repair')!;
  for (const seed of [1, 2, 3]) {
    it(`leaves C behind until the read, then repairs it, seed ${seed}`, () => {
      const sim = new Simulation(demo.scenario(seed));
      sim.runUntil(2400);
      expect(sim.replica('C' as never).storage.get('x')).toBeUndefined();
      sim.runUntil(10_000);
      expect(sim.trace.ops[1]!.result).toEqual(['new']);
      expect(sim.trace.messages.slice().some((m) => m.kind === 'repair' && m.to === 'C' && m.fate === 'delivered')).toBe(true);
      expect(sim.strategy.values(sim.replica('C' as never).storage.get('x'))).toEqual(['new']);
    });
  }
});
