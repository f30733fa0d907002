import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation.ts';
import { clusterShape, distribution, faults, operations, scenarioOf, slowLinks } from '../sim/testing/arbitraries.ts';
import { historyFromRun } from './fromTrace.ts';
import type { HistoryOp } from './history.ts';
import { linearizable } from './linearizability.ts';
import { sequentiallyConsistent } from './sequential.ts';
import { checkSpectrum } from './spectrum.ts';

const seed = fc.integer({ min: 0, max: 0xffffffff });

/** A run's history at its end. */
function historyOf(sim: Simulation): HistoryOp[] {
  return historyFromRun(sim.trace.ops, sim.strategy.id)!;
}

/*
 * Each property here was seen to fail against a broken checker or store: a register whose
 * writes kept the first value (the first and fourth fail), reads that answered before
 * their write-back reached W replicas (the second; runs without write-back rarely show the
 * inversion at random, so content/spectrumStories.test.ts holds a seeded one), a
 * sequential-consistency search that ordered a client's overlapping operations by call
 * time, and a causal check given clients unsplit into waiting sessions (the third), and a witness shrinker that dropped reads without checking (the fourth).
 */
describe('the consistency checkers on simulated runs', () => {
  it('a last-write-wins history served by one replica alone is linearizable', () => {
    // Last write wins only: one replica with siblings keeps two concurrent writes as two
    // values, which no single register would answer (the checker says so, rightly).
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant({ ...shape, strategy: 'lww' as const, replicas: 1, n: 1, w: 1, r: 1 }), ops: operations({ ...shape, replicas: 1 }, 3000, 40), seed, latency: distribution })),
        ({ shape, ops, seed, latency }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: ops, latency }));
          sim.runUntil(20_000);
          const v = linearizable(historyOf(sim));
          expect(v.result).toBe('satisfied');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('with W + R > N, reads that write back, last write wins and clocks in step, every run is linearizable', () => {
    fc.assert(
      fc.property(
        clusterShape(true).chain((shape) => fc.record({ shape: fc.constant({ ...shape, strategy: 'lww' as const }), ops: operations(shape, 1500, 30), seed, latency: distribution, links: slowLinks(shape), loss: fc.constantFrom(0, 0, 0.1) })),
        ({ shape, ops, seed, latency, links, loss }) => {
          // Slow links make reads race writes still replicating: where the inversion lives.
          const scenario = scenarioOf(shape, { seed, script: ops, latency, links, loss });
          const sim = new Simulation({ ...scenario, cluster: { ...scenario.cluster, readWriteBack: true } });
          sim.runUntil(20_000);
          const v = linearizable(historyOf(sim));
          expect(v.result).toBe('satisfied');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every implication of the map holds on any run (linearizable ⇒ sequential ⇒ causal ⇒ each session guarantee)', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant(shape), ops: operations(shape, 3000, 14), faults: faults(shape, 3000), seed, latency: distribution })),
        ({ shape, ops, faults, seed, latency }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: [...ops, ...faults], latency }));
          sim.runUntil(12_000);
          const history = historyOf(sim);
          const lin = linearizable(history).result;
          const sc = sequentiallyConsistent(history).result;
          // A stronger model satisfied and a weaker one violated would be a bug in one of them.
          if (lin === 'satisfied') expect(sc).toBe('satisfied');
          if (sc === 'violated') expect(lin).toBe('violated');
          // And down the whole map: sequential ⇒ causal ⇒ PRAM and writes-follow-reads ⇒ each session guarantee.
          expect(checkSpectrum(history).contradictions).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a read changed so that a linearizable history no longer is: the witness contains that read', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant({ ...shape, strategy: 'lww' as const, replicas: 1, n: 1, w: 1, r: 1 }), ops: operations({ ...shape, replicas: 1 }, 3000, 30), seed, latency: distribution, pick: fc.nat(), value: fc.integer({ min: 0, max: 99 }).map(String) })),
        ({ shape, ops, seed, latency, pick, value }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: ops, latency }));
          sim.runUntil(20_000);
          const history = historyOf(sim);
          const reads = history.filter((o) => o.f === 'read');
          fc.pre(reads.length > 0);
          const target = reads[pick % reads.length]!;
          const changed = history.map((o) => (o === target ? { ...o, value } : o));
          const v = linearizable(changed);
          fc.pre(v.result === 'violated');
          expect(v.result === 'violated' && v.witness.ops).toContain(target.id);
        },
      ),
      { numRuns: 80 },
    );
  });
});
