import './leaderInstall.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaderAt, logAt, lostWrites } from '../../analysis/leaderLedger.ts';
import type { NodeId } from '../ids.ts';
import { makeScenario, type Action } from '../scenario.ts';
import { Simulation } from '../simulation.ts';
import { distribution, faults } from '../testing/arbitraries.ts';

/**
 * Laws of the single-leader protocol, over random workloads, latencies, message loss,
 * crashes and partitions. Every write has a key of its own, so whether it survived can be
 * read off the final state, independently of the log the ledger reads.
 */

const A = 'A' as NodeId;
const seed = fc.integer({ min: 0, max: 0xffffffff });
const QUIET = 9000;
const END = 30_000;

function writes(replicas: number, clients: readonly string[]): fc.Arbitrary<Action[]> {
  const nodes = ['A', 'B', 'C', 'D', 'E'].slice(0, replicas);
  return fc
    .array(fc.record({ at: fc.integer({ min: 0, max: QUIET - 1000 }), client: fc.constantFrom(...clients), coordinator: fc.constantFrom(...nodes) }), { minLength: 3, maxLength: 25 })
    .map((ws) => ws.map((w, i): Action => ({ at: w.at, type: 'write', client: w.client, coordinator: w.coordinator, key: `k${i}`, value: `v${i}` })));
}

/** Faults aimed at the leaders: a crash, or a leader cut off with one client (the split that loses writes). */
function leaderFaults(replicas: number, clients: readonly string[]): fc.Arbitrary<Action[]> {
  const nodes = ['A', 'B', 'C', 'D', 'E'].slice(0, replicas);
  const at = fc.integer({ min: 0, max: QUIET - 1000 });
  const node = fc.constantFrom('A', 'B');
  const fault = fc.oneof(
    fc.record({ at, node }).map(({ at, node }): Action => ({ at, type: 'crash', node })),
    fc.record({ at, node }).map(({ at, node }): Action => ({ at, type: 'recover', node })),
    fc.record({ at, node, client: fc.constantFrom(...clients) }).map(({ at, node, client }): Action => ({ at, type: 'partition', groups: [[node, client], [...nodes, ...clients].filter((n) => n !== node && n !== client)] })),
    at.map((at): Action => ({ at, type: 'heal-all' })),
  );
  return fc.array(fault, { minLength: 1, maxLength: 6 });
}

const world = fc.record({ replicas: fc.integer({ min: 3, max: 5 }), clients: fc.constantFrom(['c1'], ['c1', 'c2'], ['c1', 'c2', 'c3']) }).chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    writes: writes(shape.replicas, shape.clients),
    faults: fc
      .tuple(faults({ ...shape, n: shape.replicas, w: 1, r: 1, strategy: 'lww' }, QUIET - 1000), leaderFaults(shape.replicas, shape.clients))
      .map(([random, aimed]) => [...random, ...aimed].map((f): Action => (f.type === 'crash' ? { at: f.at, type: 'crash', node: f.node } : f))),
    seed,
    latency: distribution,
    loss: fc.double({ min: 0, max: 0.2, noNaN: true }),
    // The first leader's clock runs ahead: under plain last-write-wins its stale writes would win.
    skew: fc.integer({ min: 0, max: 5000 }),
  }),
);

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function runWorld(w: World, followerAcks: (replicas: number) => number): Simulation {
  const recoverAll = ['A', 'B', 'C', 'D', 'E'].slice(0, w.shape.replicas).map((node): Action => ({ at: QUIET, type: 'recover', node }));
  const sim = new Simulation(
    makeScenario({
      seed: w.seed,
      cluster: { replicas: w.shape.replicas, clients: w.shape.clients, n: w.shape.replicas, topology: 'single-leader', followerAcks: followerAcks(w.shape.replicas), failoverMs: 1000, skew: { A: w.skew } },
      network: { latency: w.latency, loss: w.loss },
      script: [...w.writes, ...w.faults, { at: QUIET, type: 'heal-all' }, ...recoverAll],
    }),
  );
  sim.runUntil(END);
  return sim;
}

/** Acknowledged writes whose value the final leader does not hold: read off its storage, not its log. */
function missingFromState(sim: Simulation): number[] {
  const leader = sim.replica(leaderAt(sim.trace, A, END));
  return sim.trace.ops.filter((op) => op.kind === 'write' && op.outcome === 'ok' && sim.strategy.values(leader.storage.get(op.key) ?? null)[0] !== op.value).map((op) => op.id);
}

describe('single-leader replication: laws', () => {
  it('synchronous: no acknowledged write is ever lost, whatever crashes and cuts come before the failovers', () => {
    let ackedThenFailedOver = 0;
    fc.assert(
      fc.property(world, (w) => {
        const sim = runWorld(w, (replicas) => replicas - 1);
        expect(missingFromState(sim)).toEqual([]);
        for (let t = 0; t <= END; t += 500) expect(lostWrites(sim.trace, A, t)).toEqual([]);
        const promoted = sim.trace.events.find((e) => e.type === 'promote')?.at ?? Infinity;
        if (sim.trace.ops.some((op) => op.outcome === 'ok' && op.completedAt! < promoted)) ackedThenFailedOver++;
      }),
      { numRuns: 60 },
    );
    // The law would hold trivially if nothing were acknowledged before a failover.
    expect(ackedThenFailedOver).toBeGreaterThan(5);
  });

  it('the writes the ledger reports lost are exactly those the final state lacks, for any number of acknowledgements', () => {
    let someLost = 0;
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 4 }), (w, k) => {
        // Asynchronous half the time: that is where most losses are.
        const sim = runWorld(w, (replicas) => (k % 2 === 0 ? 0 : Math.min(k, replicas - 1)));
        const reported = lostWrites(sim.trace, A, END).map((l) => l.op.id as number);
        expect(reported).toEqual(missingFromState(sim));
        if (reported.length > 0) someLost++;
      }),
      { numRuns: 80 },
    );
    // The law would hold trivially if nothing were ever lost.
    expect(someLost).toBeGreaterThan(0);
  });

  it('semi-synchronous: with one replica down or cut off at a time, no acknowledged write is lost (the promoted follower has the most of the log)', () => {
    // Crashes land just after a write, while its copies are in flight: the moment that loses it if too few have it.
    const oneAtATime = ({ writes, shape }: World) =>
      fc
        .array(fc.record({ node: fc.constantFrom('A', 'B', 'C'), cut: fc.boolean(), after: fc.constantFrom(...writes.map((w) => w.at)), delay: fc.integer({ min: 0, max: 150 }), length: fc.integer({ min: 100, max: 4000 }) }), { maxLength: 4 })
        .map((spans) => {
          const out: Action[] = [];
          let free = 0;
          for (const s of [...spans].sort((a, b) => a.after - b.after)) {
            const start = Math.max(s.after + s.delay, free);
            // Down, or cut off from every replica (its messages in flight dropped), with its clients still reaching it.
            if (s.cut) out.push({ at: start, type: 'partition', groups: [[s.node, ...shape.clients], ['A', 'B', 'C', 'D', 'E'].slice(0, shape.replicas).filter((n) => n !== s.node)] }, { at: start + s.length, type: 'heal-all' });
            else out.push({ at: start, type: 'crash', node: s.node }, { at: start + s.length, type: 'recover', node: s.node });
            free = start + s.length + 1;
          }
          return out;
        });
    fc.assert(
      fc.property(world.chain((w) => fc.tuple(fc.constant(w), oneAtATime(w))), fc.integer({ min: 1, max: 4 }), ([w, crashes], k) => {
        const sim = runWorld({ ...w, faults: crashes }, (replicas) => Math.min(k, replicas - 1));
        expect(missingFromState(sim)).toEqual([]);
        expect(lostWrites(sim.trace, A, END)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('log matching: at every moment, two replicas whose logs hold an entry of the same term at the same place hold the same log up to there', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 4 }), (w, k) => {
        const sim = runWorld(w, (replicas) => Math.min(k, replicas - 1));
        // Each replica's log as (op, term) pairs, replayed record by record from the trace.
        const logs = new Map<string, { op: number; term: number }[]>(sim.ring.map((n) => [n, []]));
        for (const rec of sim.trace.log) {
          const log = logs.get(rec.node)!;
          if (rec.op === null) log.length = Math.min(log.length, rec.index - 1);
          else log[rec.index - 1] = { op: rec.op, term: rec.term };
          for (const other of logs.values()) {
            if (other === log) continue;
            for (let i = Math.min(log.length, other.length) - 1; i >= 0; i--) {
              if (log[i]!.term !== other[i]!.term) continue;
              expect(log.slice(0, i + 1)).toEqual(other.slice(0, i + 1));
              break;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a returning old leader never overwrites a newer write: no replica takes an entry from a leader older than one it has followed, and once healed every replica holds the final leader’s log', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 4 }), (w, k) => {
        // Three keys, written over and over: a rollback must put each back to the entry before.
        const shared = w.writes.map((a) => (a.type === 'write' ? { ...a, key: `k${Number(a.key.slice(1)) % 3}` } : a));
        const sim = runWorld({ ...w, writes: shared }, (replicas) => Math.min(k, replicas - 1));
        const followed = new Map<string, number>();
        for (const rec of sim.trace.log) {
          if (rec.op === null) continue;
          expect(rec.from).toBeGreaterThanOrEqual(followed.get(rec.node) ?? 0);
          followed.set(rec.node, rec.from);
        }
        const leader = leaderAt(sim.trace, A, END);
        const log = logAt(sim.trace, leader, END);
        const byKey = new Map(log.map((op) => [sim.trace.ops[op]!.key, sim.trace.ops[op]!.value]));
        for (const node of sim.ring) {
          expect(logAt(sim.trace, node, END)).toEqual(log);
          for (const [key, value] of byKey) expect(sim.strategy.values(sim.replica(node).storage.get(key) ?? null)).toEqual([value]);
          // Nothing else: a rolled-back write leaves no trace in storage.
          expect([...sim.replica(node).storage.keys()].sort()).toEqual([...byKey.keys()].sort());
        }
      }),
      { numRuns: 60 },
    );
  });
});
