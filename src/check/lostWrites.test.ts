import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicaIds } from '../sim/ids.ts';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { clusterShape, operations, scenarioOf } from '../sim/testing/arbitraries.ts';
import { workload } from '../sim/workload.ts';
import { Timeline } from '../sim/timeline.ts';
import type { OpRecord } from '../sim/trace.ts';
import type { LwwVersion } from '../sim/values/lww.ts';
import { copiesAt, lossCheckpoints, lostWrites } from './lostWrites.ts';
import { staleReads } from './staleReads.ts';

function run(script: Action[], cluster: Parameters<typeof makeScenario>[0]['cluster'] = {}, until = 8000) {
  const sim = new Simulation(makeScenario({ cluster: { antiEntropyMs: 500, ...cluster }, network: { latency: { kind: 'constant', ms: 50 } }, script }));
  sim.runUntil(until);
  return sim;
}

function lostAt(sim: Simulation, t: number) {
  const tl = new Timeline(sim.trace);
  return lostWrites(sim.trace.ops, sim.strategy, t, lossCheckpoints(sim.trace, (at) => tl.moment(at, sim.ring), t, sim.config.readRepair));
}

/** The example: "first" through A, whose clock is 2 s fast; then "second" through B. */
const skewed: Action[] = [
  { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'first' },
  { at: 500, type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'second' },
  { at: 2000, type: 'read', client: 'c1', coordinator: 'C', key: 'x' },
];

describe('lostWrites', () => {
  it('counts an acknowledged write that an older one with a fast clock beat, though no read was stale', () => {
    const sim = run(skewed, { skew: { A: 2000 } });
    const [first, second, read] = sim.trace.ops as [OpRecord, OpRecord, OpRecord];
    expect([first.outcome, second.outcome]).toEqual(['ok', 'ok']);
    expect(first.completedAt!).toBeLessThan(second.invokedAt);
    expect(read.result).toEqual(['first']);
    // The stale-read measure cannot see it: the read returned the highest stamp.
    expect(staleReads(sim.trace.ops, sim.strategy)).toEqual([]);
    const lost = lostAt(sim, 8000);
    expect(lost.map((l) => [l.write.value, l.cause, l.by?.value])).toEqual([['second', 'older-write-won', 'first']]);
  });

  it('counts nothing when the clocks agree, or with siblings kept', () => {
    expect(lostAt(run(skewed), 8000)).toEqual([]);
    expect(lostAt(run(skewed, { skew: { A: 2000 }, strategy: 'mv' }), 8000)).toEqual([]);
  });

  it('does not count two writes that overlapped in time against each other', () => {
    const overlapping: Action[] = [
      { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'one' },
      { at: 20, type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'two' },
    ];
    const sim = run(overlapping, { skew: { A: 2000 } });
    expect(sim.trace.ops[1]!.invokedAt).toBeLessThan(sim.trace.ops[0]!.completedAt!);
    expect(lostAt(sim, 8000)).toEqual([]);
  });

  it('is not known before the losing write is acknowledged', () => {
    const sim = run(skewed, { skew: { A: 2000 } });
    const second = sim.trace.ops[1]!;
    expect(lostAt(sim, second.completedAt! - 1)).toEqual([]);
    expect(lostAt(sim, second.completedAt!)).toHaveLength(1);
  });

  /** A is cut off, takes a write with W = 1 and crashes before it reaches disk. */
  const crashScript: Action[] = [
    { at: 0, type: 'cut', from: 'A', to: 'B' },
    { at: 0, type: 'cut', from: 'A', to: 'C' },
    { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'gone' },
    { at: 300, type: 'crash', node: 'A', loseUndurable: true },
  ];

  it('counts a write that vanished in a crash before reaching disk, only once it is gone', () => {
    const sim = run(crashScript, { w: 1, r: 1, durabilityMs: 2000 });
    expect(sim.trace.ops[0]!.outcome).toBe('ok');
    expect(lostAt(sim, 299)).toEqual([]);
    const lost = lostAt(sim, 400);
    expect(lost.map((l) => [l.write.value, l.cause])).toEqual([['gone', 'vanished']]);
  });

  it('does not count a write that reached disk before the crash', () => {
    const sim = run(crashScript, { w: 1, r: 1, durabilityMs: 200 });
    expect(lostAt(sim, 400)).toEqual([]);
  });

  it('does not blame a winner that a crash wiped out: the write it beat is everywhere again', () => {
    // The reviewer's case: A, cut off with a clock 5 s fast, takes "fast" (W = 1); "later" goes
    // through C; A crashes and loses "fast" before it reaches disk; the network heals.
    const sim = run(
      [
        { at: 0, type: 'cut', from: 'A', to: 'B' },
        { at: 0, type: 'cut', from: 'A', to: 'C' },
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'fast' },
        { at: 500, type: 'write', client: 'c2', coordinator: 'C', key: 'x', value: 'later' },
        { at: 1000, type: 'crash', node: 'A', loseUndurable: true },
        { at: 1100, type: 'recover', node: 'A' },
        { at: 1200, type: 'heal-all' },
      ],
      { w: 1, r: 1, durabilityMs: 5000, skew: { A: 5000 } },
    );
    // Before the crash "later" is lost to "fast"; after it, "fast" is the write that is gone.
    expect(lostAt(sim, 900).map((l) => [l.write.value, l.cause])).toEqual([['later', 'older-write-won']]);
    expect(lostAt(sim, 8000).map((l) => [l.write.value, l.cause])).toEqual([['fast', 'vanished']]);
  });

  it('a write that vanished stays lost when a later write replaces what is left', () => {
    const sim = run(
      [
        ...crashScript,
        { at: 400, type: 'recover', node: 'A' },
        { at: 500, type: 'heal-all' },
        { at: 1000, type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'next' },
      ],
      { w: 1, r: 1, durabilityMs: 2000 },
    );
    expect(lostAt(sim, 8000).map((l) => [l.write.value, l.cause])).toEqual([['gone', 'vanished']]);
  });

  it('does not count a write whose only copy is still on its way', () => {
    // A takes the write at 50 ms and answers; its copies to B and C take 500 ms; A crashes at 60 ms.
    const script: Action[] = [
      { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'v' },
      { at: 60, type: 'crash', node: 'A', loseUndurable: true },
    ];
    const slow = { latency: { kind: 'constant' as const, ms: 500 } };
    const sim = new Simulation(
      makeScenario({
        cluster: { w: 1, r: 1, durabilityMs: 2000, antiEntropyMs: 0 },
        network: { latency: { kind: 'constant', ms: 50 }, links: [{ from: 'A', to: 'B', ...slow }, { from: 'A', to: 'C', ...slow }] },
        script,
      }),
    );
    sim.runUntil(3000);
    const tl = new Timeline(sim.trace);
    const at = (t: number) => lostWrites(sim.trace.ops, sim.strategy, t, lossCheckpoints(sim.trace, (x) => tl.moment(x, sim.ring), t, false));
    expect(sim.trace.ops[0]!.outcome).toBe('ok');
    expect(sim.trace.ops[0]!.completedAt).toBe(100);
    expect(tl.stateAt('A' as never, 'x', 120)).toBeNull();
    expect(at(120)).toEqual([]);
    expect(at(3000)).toEqual([]);
  });
});

/**
 * An independent replay of the stamps: sort each key's acknowledged writes by their raw
 * (timestamp, node, counter), then sweep from the top, keeping the earliest completion
 * above. A write is lost when a write stamped above it had completed before it began.
 */
function replayStamps(ops: readonly OpRecord[]): Set<OpRecord> {
  const lost = new Set<OpRecord>();
  const acked = ops.filter((o) => o.kind === 'write' && o.outcome === 'ok');
  for (const key of new Set(acked.map((o) => o.key))) {
    const chain = acked
      .filter((o) => o.key === key)
      .map((o) => ({ o, v: o.version as LwwVersion }))
      .sort((a, b) => a.v.ts - b.v.ts || (a.v.node < b.v.node ? -1 : a.v.node > b.v.node ? 1 : 0) || a.v.seq - b.v.seq);
    let earliestAbove = Infinity;
    for (let i = chain.length - 1; i >= 0; i--) {
      const { o } = chain[i]!;
      if (earliestAbove < o.invokedAt) lost.add(o);
      earliestAbove = Math.min(earliestAbove, o.completedAt!);
    }
  }
  return lost;
}

describe('lostWrites, as properties', () => {
  it('under last write wins with skewed clocks, finds exactly the writes a replay of the stamps finds', () => {
    let sawLoss = false;
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) =>
          fc.record({
            shape: fc.constant({ ...shape, strategy: 'lww' as const }),
            ops: operations(shape, 4000, 30),
            skew: fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: shape.replicas, maxLength: shape.replicas }),
            seed: fc.integer({ min: 0, max: 0xffffffff }),
          }),
        ),
        ({ shape, ops, skew, seed }) => {
          const base = scenarioOf(shape, { seed, script: ops, latency: { kind: 'exponential', rate: 1 / 60 } });
          const skews = Object.fromEntries(replicaIds(shape.replicas).map((id, i) => [id, skew[i]!]));
          const sim = new Simulation({ ...base, cluster: { ...base.cluster, skew: skews } });
          sim.runUntil(10000);
          const found = new Set(lostWrites(sim.trace.ops, sim.strategy, 10000).map((l) => l.write));
          const expected = replayStamps(sim.trace.ops);
          if (expected.size > 0) sawLoss = true;
          expect([...found].map((o) => o.id).sort()).toEqual([...expected].map((o) => o.id).sort());
        },
      ),
      { numRuns: 120 },
    );
    expect(sawLoss, 'some generated run should lose a write').toBe(true);
  });

  it('with siblings kept and no crash, never loses an acknowledged write', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant({ ...shape, strategy: 'mv' as const }), ops: operations(shape, 3000, 30), seed: fc.integer({ min: 0, max: 0xffffffff }) })),
        ({ shape, ops, seed }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: ops, latency: { kind: 'exponential', rate: 1 / 60 } }));
          sim.runUntil(8000);
          const tl = new Timeline(sim.trace);
          // Every moment judged for vanished copies too, crash or none.
          for (const t of [1000, 3000, 8000]) expect(lostWrites(sim.trace.ops, sim.strategy, t, [copiesAt(tl.moment(t, sim.ring), sim.trace.hints, false)])).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('lostWrites on a long history, where it indexes instead of scanning', () => {
  it('finds exactly what the replay of the stamps finds, asked once late or moment by moment', () => {
    let sawLoss = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const script = workload({ from: 0, durationMs: 20_000, opsPerSecond: 25, readFraction: 0.4, clients: ['c1', 'c2', 'c3'], coordinators: ['A', 'B', 'C', 'D'], keys: ['x', 'y'], seed });
      const skew = { A: 400 * seed, B: -300, C: 150 * (seed % 3) };
      const late = new Simulation(makeScenario({ seed, cluster: { replicas: 4, n: 3, w: 1, r: 1, skew, clients: ['c1', 'c2', 'c3'] }, network: { latency: { kind: 'exponential', rate: 1 / 70 } }, script }));
      late.runUntil(25_000);
      const expected = [...replayStamps(late.trace.ops)].map((o) => o.id).sort();
      sawLoss += expected.length;
      // Asked once, at the end: the index path.
      expect(lostWrites(late.trace.ops, late.strategy, 25_000).map((l) => l.write.id).sort(), `seed ${seed}`).toEqual(expected);
      // Asked as the playhead moves, on a fresh run of the same scenario: the scan path, then the index.
      const stepped = new Simulation(late.scenario);
      for (let t = 0; t <= 25_000; t += 997) {
        stepped.runUntil(t + 4000);
        lostWrites(stepped.trace.ops, stepped.strategy, t);
      }
      expect(lostWrites(stepped.trace.ops, stepped.strategy, 25_000).map((l) => l.write.id).sort(), `seed ${seed}, stepped`).toEqual(expected);
    }
    expect(sawLoss).toBeGreaterThan(20);
  });
});
