import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceLines } from './testing/traceDigest.ts';
import { divergent } from '../check/convergence.ts';
import { staleReads } from '../check/staleReads.ts';
import { measure } from '../analysis/measure.ts';
import { replicaIds, type NodeId } from './ids.ts';
import { workload } from './workload.ts';
import { Simulation } from './simulation.ts';
import { clusterShape, distribution, faults, operations, scenarioOf, slowLinks } from './testing/arbitraries.ts';
import { Timeline } from './timeline.ts';
import type { TraceEvent } from './trace.ts';

const seed = fc.integer({ min: 0, max: 0xffffffff });

describe('simulator laws', () => {
  it('same scenario, same trace: byte for byte', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) =>
          fc.record({ shape: fc.constant(shape), ops: operations(shape, 3000), faults: faults(shape, 3000), seed, latency: distribution, loss: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
        ),
        ({ shape, ops, faults, seed, latency, loss }) => {
          const scenario = scenarioOf(shape, { seed, script: [...ops, ...faults], latency, loss });
          const a = new Simulation(scenario);
          const b = new Simulation(structuredClone(scenario));
          a.runUntil(8000);
          b.runUntil(8000);
          expect(traceLines(b.trace)).toEqual(traceLines(a.trace));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never delivers a message across a link that was cut at any moment of its flight', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant(shape), ops: operations(shape, 3000, 40), faults: faults(shape, 3000), seed, latency: distribution })),
        ({ shape, ops, faults, seed, latency }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: [...ops, ...faults], latency }));
          sim.runUntil(8000);
          const events = sim.trace.events;
          for (const m of sim.trace.messages) {
            if (m.fate !== 'delivered') continue;
            expect(cutDuring(events, m.from, m.to, m.sentAt, m.endAt), `message ${m.id} ${m.from}→${m.to}`).toBe(false);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('with W + R > N, strict quorums and no faults, every read sees the latest acknowledged write', () => {
    fc.assert(
      fc.property(
        clusterShape(true).chain((shape) =>
          fc.record({
            shape: fc.constant(shape),
            // A short window, so reads race writes still replicating.
            ops: operations(shape, 1500, 40),
            seed,
            latency: distribution,
            links: slowLinks(shape),
            skew: fc.dictionary(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: -500, max: 500 })),
          }),
        ),
        ({ shape, ops, seed, latency, links, skew }) => {
          // Anti-entropy off: the guarantee must come from the quorums alone.
          const sim = new Simulation(scenarioOf(shape, { seed, script: ops, latency, links, skew, antiEntropyMs: 0 }));
          sim.runUntil(20_000);
          expect(staleReads(sim.trace.ops, sim.strategy)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('after every link heals, every node recovers and writes stop, every replica converges', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) =>
          fc.record({ shape: fc.constant(shape), ops: operations(shape, 3000, 30), faults: faults(shape, 3000), seed, latency: distribution, loss: fc.double({ min: 0, max: 0.3, noNaN: true }), sloppyQuorum: fc.boolean() }),
        ),
        ({ shape, ops, faults, seed, latency, loss, sloppyQuorum }) => {
          const healAt = 4000;
          const recover = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].slice(0, shape.replicas).map((node) => ({ at: healAt, type: 'recover' as const, node }));
          const script = [...ops, ...faults, { at: healAt, type: 'heal-all' as const }, { at: healAt, type: 'set-network' as const, loss: 0 }, ...recover];
          // Sloppy quorums included: hints parked on stand-ins must find their way home too.
          const sim = new Simulation(scenarioOf(shape, { seed, script, latency, loss, antiEntropyMs: 500, durabilityMs: 200, sloppyQuorum }));
          sim.runUntil(healAt + 60_000);
          const tl = new Timeline(sim.trace);
          const end = sim.now;
          expect(divergent(tl.keys(), (k) => sim.preferenceList(k), (n, k) => tl.stateAt(n, k, end), sim.strategy)).toEqual([]);
          for (const r of sim.ring) expect(sim.replica(r).hints.size).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('measured staleness', () => {
  it('is exactly zero for any workload and seed with W + R > N and strict quorums', () => {
    fc.assert(
      fc.property(clusterShape(true), seed, distribution, fc.integer({ min: 5, max: 40 }), (shape, seed, latency, rate) => {
        const replicas = replicaIds(shape.replicas) as string[];
        const script = workload({ from: 0, durationMs: 3000, opsPerSecond: rate, readFraction: 0.5, clients: shape.clients, coordinators: replicas, keys: ['x', 'y'], seed });
        const sim = new Simulation(scenarioOf(shape, { seed, script, latency, antiEntropyMs: 0 }));
        sim.runUntil(20_000);
        const m = measure(sim.trace.ops, sim.strategy);
        expect(m.reads).toBeGreaterThan(0);
        expect(m.staleRate).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});

/** Independent of the network's own bookkeeping: replay the link events. */
function cutDuring(events: readonly TraceEvent[], from: NodeId, to: NodeId, start: number, end: number): boolean {
  let cut = false;
  for (const e of events) {
    if (e.at > end) break;
    if (e.type !== 'link' || e.from !== from || e.to !== to) continue;
    if (e.at <= start) cut = e.cut;
    else if (e.cut) return true;
  }
  return cut;
}
