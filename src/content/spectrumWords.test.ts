import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyFromRun } from '../check/fromTrace.ts';
import { sessionGuarantees } from '../check/sessions.ts';
import type { Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { clusterShape, distribution, faults, operations, scenarioOf } from '../sim/testing/arbitraries.ts';
import { MODEL_WORDS } from './spectrumWords.ts';

const seed = fc.integer({ min: 0, max: 0xffffffff });
/** Faults, but no crash that loses what was not yet durable: the claims name that condition. */
const keepingWrites = (actions: Action[]) => actions.filter((a) => !(a.type === 'crash' && a.loseUndurable));

function ryw(sim: Simulation) {
  return sessionGuarantees(historyFromRun(sim.trace.ops, sim.strategy.id)!)['read-your-writes'].result;
}

/*
 * Each property fails when its condition is dropped: clock skew on one replica breaks the
 * first, reads through any replica break the second.
 */
describe('the claims the consistency lab makes about its settings', () => {
  it('read your writes, claim 1: W + R > N, last write wins, clocks in step', () => {
    expect(MODEL_WORDS['read-your-writes'].inThisLab).toMatch(/W \+ R > N with strict \(not sloppy\) quorums, last write wins and clocks in step/);
    fc.assert(
      fc.property(
        clusterShape(true).chain((shape) => fc.record({ shape: fc.constant({ ...shape, strategy: 'lww' as const }), ops: operations(shape, 3000, 30), faults: faults(shape, 3000), seed, latency: distribution })),
        ({ shape, ops, faults, seed, latency }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: [...ops, ...keepingWrites(faults)], latency }));
          sim.runUntil(15_000);
          expect(ryw(sim)).toBe('satisfied');
        },
      ),
      { numRuns: 120, endOnFailure: true },
    );
  });

  it('read your writes, claim 2: N = every replica, each client through one replica, R = 1', () => {
    expect(MODEL_WORDS['read-your-writes'].inThisLab).toMatch(/N equal to the number of replicas, a client that writes and reads through one replica, R = 1, and clocks in step/);
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant({ ...shape, n: shape.replicas, r: 1, w: 1 }), ops: operations(shape, 3000, 30), faults: faults(shape, 3000), seed, latency: distribution })),
        ({ shape, ops, faults, seed, latency }) => {
          // W = 1, the hardest case: only the coordinator has a write when it is acknowledged.
          // Each client sticks to one replica: c1 to A, c2 to B, c3 to C.
          const sticky = ops.map((a) => (a.type === 'write' || a.type === 'read' ? { ...a, coordinator: 'ABC'[Number(a.client.slice(1)) - 1]! } : a));
          const sim = new Simulation(scenarioOf(shape, { seed, script: [...sticky, ...keepingWrites(faults)], latency }));
          sim.runUntil(15_000);
          expect(ryw(sim)).toBe('satisfied');
        },
      ),
      { numRuns: 120, endOnFailure: true },
    );
  });
});
