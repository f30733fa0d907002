import { describe, expect, it } from 'vitest';
import type { NodeId } from '../sim/ids.ts';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { board, THRESHOLDS } from './monitoring.ts';

const ALL = (): readonly NodeId[] => ['A', 'B', 'C'] as NodeId[];

function run(script: Action[], until: number, cluster: Record<string, unknown> = {}) {
  const sim = new Simulation(makeScenario({ cluster: { w: 1, r: 1, antiEntropyMs: 500, ...cluster }, network: { latency: { kind: 'constant', ms: 50 } }, script }));
  sim.runUntil(until);
  return board(sim.trace.ops, [...sim.trace.changes], ALL, sim.strategy, until);
}

describe('the monitoring board', () => {
  it('with no faults: every write reaches every replica at once, no lag, no alert', () => {
    const b = run(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 1000, type: 'write', client: 'c2', coordinator: 'B', key: 'y', value: '2' },
        { at: 2000, type: 'read', client: 'c1', coordinator: 'C', key: 'x' },
      ],
      4000,
    );
    expect(b.unconverged).toBe(0);
    expect(b.convergence).toHaveLength(2);
    expect(b.convergencePercentiles!.p99).toBeLessThanOrEqual(100);
    expect(b.staleRate).toBe(0);
    expect(b.conflictRate).toBe(0);
    expect(b.alerts).toEqual({ lag: false, conflicts: false, staleReads: false });
  });

  it('a replica cut off lags past the threshold while the cut lasts, and the alert clears once it heals and catches up', () => {
    const script: Action[] = [
      { at: 0, type: 'cut', from: 'A', to: 'C' },
      { at: 0, type: 'cut', from: 'B', to: 'C' },
      { at: 100, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
      { at: 7000, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
      { at: 8000, type: 'heal-all' },
    ];
    const during = run(script, 7500);
    const lagOfC = during.lag.map((s) => s.lag['C' as NodeId]!);
    expect(Math.max(...lagOfC)).toBeGreaterThan(THRESHOLDS.lagMs);
    expect(during.alerts.lag).toBe(true);
    expect(during.unconverged).toBe(1);
    // The read through C during the cut missed the write: one stale read of one.
    expect(during.staleRate).toBe(1);
    expect(during.alerts.staleReads).toBe(true);
    const after = run(script, 12_000);
    expect(after.alerts.lag).toBe(false);
    expect(after.unconverged).toBe(0);
    expect(after.convergence[0]).toBeGreaterThan(7_000);
  });

  it('counts a write made without seeing an earlier acknowledged one as a conflict', () => {
    const b = run(
      [
        { at: 0, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] },
        { at: 100, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'a' },
        { at: 500, type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'b' },
        { at: 2000, type: 'heal-all' },
        { at: 4000, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'c' },
      ],
      8000,
    );
    // B wrote without A's write; A's last write came after the heal had brought it B's.
    expect(b.conflictRate).toBeCloseTo(1 / 3);
    expect(b.alerts.conflicts).toBe(true);
  });
});
