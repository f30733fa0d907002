import { describe, expect, it } from 'vitest';
import { makeScenario } from '../sim/scenario.ts';
import { workload } from '../sim/workload.ts';
import { extendRun, startRun } from './run.ts';

describe('clusterModel: a moment never tells what had not happened yet', () => {
  it('shows each operation pending until the moment it completed, on a run that grows as the app grows it', () => {
    const script = workload({ from: 0, durationMs: 4000, opsPerSecond: 30, readFraction: 0.5, clients: ['c1', 'c2'], coordinators: ['A', 'B', 'C'], keys: ['x'], seed: 4 });
    const run = startRun(makeScenario({ seed: 3, cluster: { w: 1, r: 1, skew: { A: 800 } }, network: { latency: { kind: 'exponential', rate: 1 / 80 } }, script }), 0);
    let checked = 0;
    for (let t = 0; t <= 8000; t += 37) {
      extendRun(run, t);
      const model = run.at(t);
      for (const { op, status } of model.ops) {
        expect(op.invokedAt, `op ${op.id} at ${t}`).toBeLessThanOrEqual(t);
        if (status !== 'pending') {
          checked++;
          expect(op.completedAt, `op ${op.id} at ${t}`).not.toBeNull();
          expect(op.completedAt!, `op ${op.id} at ${t}`).toBeLessThanOrEqual(t);
        } else expect(op.completedAt === null || op.completedAt > t, `op ${op.id} at ${t}`).toBe(true);
        // A verdict on an operation can only come once it has completed.
        if (model.markOf(op) !== null) expect(status, `op ${op.id} at ${t}`).not.toBe('pending');
      }
      for (const m of model.moment.inFlight) expect(m.sentAt).toBeLessThanOrEqual(t);
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
