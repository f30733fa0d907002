import { describe, expect, it } from 'vitest';
import { makeScenario } from '../sim/scenario.ts';
import { workload } from '../sim/workload.ts';
import { measure } from './measure.ts';
import { MODULE_CONFIGS, tradeoffs } from './tradeoffs.ts';
import { Simulation } from '../sim/simulation.ts';

const base = makeScenario({ seed: 4, cluster: { replicas: 5, n: 5, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0 }, network: { latency: { kind: 'exponential', rate: 1 / 40 } } });

describe('workload', () => {
  it('spaces operations evenly, from each client in turn, and replays the same for a seed', () => {
    const spec = { from: 100, durationMs: 2000, opsPerSecond: 5, readFraction: 0.5, clients: ['c1', 'c2'], coordinators: ['A', 'B'], keys: ['x'], seed: 3 };
    const ops = workload(spec);
    expect(ops).toHaveLength(10);
    expect(ops.map((o) => o.at)).toEqual([100, 300, 500, 700, 900, 1100, 1300, 1500, 1700, 1900]);
    expect(ops.map((o) => ('client' in o ? o.client : ''))).toEqual(['c1', 'c2', 'c1', 'c2', 'c1', 'c2', 'c1', 'c2', 'c1', 'c2']);
    expect(workload(spec)).toEqual(ops);
    expect(new Set(ops.map((o) => o.type))).toEqual(new Set(['read', 'write']));
  });
});

describe('measure', () => {
  it('counts failures, stale reads and latencies from the history', () => {
    const sim = new Simulation({ ...base, cluster: { ...base.cluster, w: 1, r: 1 }, script: workload({ from: 0, durationMs: 5000, opsPerSecond: 20, readFraction: 0.5, clients: ['c1', 'c2', 'c3'], coordinators: ['A', 'B', 'C', 'D', 'E'], keys: ['x'], seed: 1 }) });
    sim.runUntil(10_000);
    const m = measure(sim.trace.ops, sim.strategy);
    expect(m.reads + m.writes).toBe(100);
    expect(m.failedReads + m.failedWrites).toBe(0);
    expect(m.staleReads).toBeGreaterThan(0);
    expect(m.staleRate).toBeCloseTo(m.staleReads / m.reads, 10);
    expect(m.readLatency.p99).toBeGreaterThanOrEqual(m.readLatency.p50);
    // Nothing has finished before the first operation started.
    expect(measure(sim.trace.ops, sim.strategy, 0).reads).toBe(0);
  });
});

describe('tradeoffs at N = 5, measured', () => {
  const rows = tradeoffs(base, MODULE_CONFIGS, 2);
  const row = (w: number, r: number) => rows.find((x) => x.config.w === w && x.config.r === r)!;

  it('gives no stale reads with W + R > N, and some with W = R = 1', () => {
    for (const [w, r] of [[3, 3], [1, 5], [5, 1]] as const) expect(row(w, r).healthy.staleReads).toBe(0);
    expect(row(1, 1).healthy.staleReads).toBeGreaterThan(0);
  });

  it('makes writes slower as W grows and reads slower as R grows', () => {
    expect(row(1, 5).healthy.writeLatency.p50).toBeLessThan(row(3, 3).healthy.writeLatency.p50);
    expect(row(3, 3).healthy.writeLatency.p50).toBeLessThan(row(5, 1).healthy.writeLatency.p50);
    expect(row(5, 1).healthy.readLatency.p50).toBeLessThan(row(3, 3).healthy.readLatency.p50);
    expect(row(3, 3).healthy.readLatency.p50).toBeLessThan(row(1, 5).healthy.readLatency.p50);
  });

  it('with two of five replicas down, keeps exactly the operations whose quorum can still be met', () => {
    expect(row(3, 3).degraded).toMatchObject({ writeAvailability: 1, readAvailability: 1 });
    expect(row(1, 5).degraded).toMatchObject({ writeAvailability: 1, readAvailability: 0 });
    expect(row(5, 1).degraded).toMatchObject({ writeAvailability: 0, readAvailability: 1 });
    expect(row(1, 1).degraded).toMatchObject({ writeAvailability: 1, readAvailability: 1 });
  });
});
