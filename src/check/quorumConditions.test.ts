import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicaIds } from '../sim/ids.ts';
import { makeScenario, type Action, type ClusterConfig } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { clusterShape, faults, operations, scenarioOf, slowLinks } from '../sim/testing/arbitraries.ts';
import { QUORUM_DEMOS } from '../content/quorumDemos.ts';
import { brokenConditionWords } from '../content/quorumClaims.ts';
import { quorumState, type BrokenCondition } from './quorumConditions.ts';
import { staleReads } from './staleReads.ts';

function stateOf(sim: Simulation, t: number) {
  const { events, changes, ops } = sim.trace;
  return quorumState({ cluster: sim.scenario.cluster, events, changes, ops, holders: (k) => sim.preferenceList(k) }, t);
}

function run(script: Action[], cluster: Partial<ClusterConfig>, until = 8000) {
  const sim = new Simulation(makeScenario({ cluster: { antiEntropyMs: 0, ...cluster }, network: { latency: { kind: 'constant', ms: 50 } }, script }));
  sim.runUntil(until);
  return sim;
}

const kinds = (b: readonly BrokenCondition[]) => b.map((x) => x.kind);

describe('quorumState: the three ways the lab itself broke "never stale"', () => {
  it('W changed in the middle of a run: a write at W = 1, then W = 3 and R = 1, and a stale read', () => {
    // C is cut off from A while x is written at W = 1; then W = 3, R = 1, and C is read.
    const sim = run(
      [
        { at: 0, type: 'cut', from: 'A', to: 'C' },
        { at: 0, type: 'set-quorum', w: 1, r: 1 },
        { at: 10, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 1000, type: 'set-quorum', w: 3, r: 1 },
        { at: 1100, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
      ],
      {},
    );
    expect(staleReads(sim.trace.ops, sim.strategy)).toHaveLength(1);
    const q = stateOf(sim, 1200);
    expect([q.w, q.r, q.overlap]).toEqual([3, 1, true]);
    // The read, answered by C alone, could only miss the write that is already named.
    expect(q.broken).toEqual([{ kind: 'weak-writes', count: 1, fewest: 1, wChangedAt: 1000 }]);
    expect(brokenConditionWords(q.broken[0]!, q)).toBe('W changed at 1.00 s. 1 write was acknowledged by only 1 of the key’s replicas: a read of R = 1 can miss it.');
    // Before the change, W + R did not exceed N: no condition of the rule to break.
    expect(stateOf(sim, 900).overlap).toBe(false);
  });

  it('a crash that loses writes not yet on disk', () => {
    // W = 2, R = 2: the write lands on A and B; B crashes and loses it before it reaches disk;
    // a read through C hears from B and C.
    const sim = run(
      [
        { at: 0, type: 'cut', from: 'A', to: 'C' },
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 200, type: 'crash', node: 'B', loseUndurable: true },
        { at: 250, type: 'recover', node: 'B' },
        { at: 300, type: 'cut', from: 'C', to: 'A' },
        { at: 300, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
      ],
      { durabilityMs: 2000 },
    );
    expect(staleReads(sim.trace.ops, sim.strategy)).toHaveLength(1);
    expect(stateOf(sim, 150).broken).toEqual([]);
    expect(stateOf(sim, 500).broken).toEqual([{ kind: 'crash-loss', at: 200, node: 'B' }]);
  });

  it('a crash that loses nothing breaks nothing', () => {
    const sim = run(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 500, type: 'crash', node: 'B', loseUndurable: true },
      ],
      { durabilityMs: 200 },
    );
    expect(stateOf(sim, 1000).broken).toEqual([]);
  });

  it('sloppy quorums: the demo of a stale read although W + R > N names the stand-in', () => {
    const sim = new Simulation(QUORUM_DEMOS.find((d) => d.id === 'sloppy-stale')!.scenario(1));
    sim.runUntil(6000);
    expect(staleReads(sim.trace.ops, sim.strategy).length).toBeGreaterThan(0);
    const q = stateOf(sim, 6000);
    expect(q.overlap).toBe(true);
    expect(kinds(q.broken)).toContain('stand-ins');
  });

  it('R lowered while a read was on its way: the read that came back stale is named although R is back', () => {
    // The reviewer's case: C is cut from A; x is written through A (W = 2: A and B); a read
    // through C goes out at R = 2, R drops to 1 before B answers, so C answers alone.
    const sim = run(
      [
        { at: 0, type: 'cut', from: 'A', to: 'C' },
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 1000, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
        { at: 1001, type: 'set-quorum', r: 1 },
        { at: 1060, type: 'set-quorum', r: 2 },
      ],
      {},
    );
    expect(staleReads(sim.trace.ops, sim.strategy)).toHaveLength(1);
    const q = stateOf(sim, 5000);
    expect([q.w, q.r, q.overlap]).toEqual([2, 2, true]);
    expect(q.broken).toEqual([{ kind: 'weak-reads', count: 1, fewest: 1, rChangedAt: 1060 }]);
  });

  it('a clock that was fast and was put right still counts: its writes kept their stamps', () => {
    const sim = run(
      [
        { at: 0, type: 'set-skew', node: 'A', ms: 5000 },
        { at: 10, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'old' },
        { at: 1000, type: 'set-skew', node: 'A', ms: 0 },
        { at: 1100, type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'new' },
      ],
      {},
    );
    expect(stateOf(sim, 3000).broken).toEqual([{ kind: 'skewed-clocks', nodes: ['A'] }]);
  });

  it('clocks out of step under last write wins, and not under siblings', () => {
    const script: Action[] = [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }];
    expect(kinds(stateOf(run(script, { skew: { A: 2000 } }), 1000).broken)).toEqual(['skewed-clocks']);
    expect(stateOf(run(script, { skew: { A: 2000 }, strategy: 'mv' }), 1000).broken).toEqual([]);
    expect(stateOf(run(script, {}), 1000).broken).toEqual([]);
  });
});

describe('quorumState, as a property', () => {
  it('a read that began and ended while W + R > N with every condition met is never stale; the conditions are needed', () => {
    const seen = { checked: 0, staleWhileBroken: 0 };
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => {
          const ring = replicaIds(shape.replicas) as string[];
          const quorumChange = fc
            .record({ at: fc.integer({ min: 0, max: 3000 }), w: fc.integer({ min: 1, max: shape.n }), r: fc.integer({ min: 1, max: shape.n }) })
            .map(({ at, w, r }): Action => ({ at, type: 'set-quorum', w, r }));
          // A crash that loses what is not yet on disk, and a recovery soon after.
          const crashLoss = fc
            .record({ at: fc.integer({ min: 0, max: 3000 }), node: fc.constantFrom(...ring), down: fc.integer({ min: 10, max: 400 }) })
            .map(({ at, node, down }): Action[] => [
              { at, type: 'crash', node, loseUndurable: true },
              { at: at + down, type: 'recover', node },
            ]);
          return fc.record({
            shape: fc.constant(shape),
            ops: operations(shape, 3000, 40),
            faults: faults(shape, 3000),
            crashes: fc.array(crashLoss, { maxLength: 3 }).map((x) => x.flat()),
            quorumChanges: fc.array(quorumChange, { maxLength: 4 }),
            links: slowLinks(shape),
            sloppyQuorum: fc.boolean(),
            skewed: fc.option(fc.constantFrom(...ring), { nil: undefined }),
            seed: fc.integer({ min: 0, max: 0xffffffff }),
          });
        }),
        ({ shape, ops, faults, crashes, quorumChanges, links, sloppyQuorum, skewed, seed }) => {
          const scenario = scenarioOf(shape, {
            seed,
            script: [...ops, ...faults, ...crashes, ...quorumChanges],
            latency: { kind: 'exponential', rate: 1 / 60 },
            links,
            durabilityMs: 1000,
            antiEntropyMs: 0,
            sloppyQuorum,
            ...(skewed ? { skew: { [skewed]: 1500 } } : {}),
          });
          const sim = new Simulation(scenario);
          sim.runUntil(9000);
          const stale = new Set(staleReads(sim.trace.ops, sim.strategy).map((s) => s.read));
          for (const read of sim.trace.ops) {
            if (read.kind !== 'read' || read.outcome !== 'ok') continue;
            const met = [read.invokedAt, read.completedAt!].every((t) => {
              const q = stateOf(sim, t);
              return q.overlap && q.broken.length === 0;
            });
            if (met) {
              seen.checked++;
              expect(stale.has(read), `read ${read.id} at ${read.invokedAt}`).toBe(false);
            } else if (stale.has(read)) seen.staleWhileBroken++;
          }
        },
      ),
      { numRuns: 250 },
    );
    // The property checked real reads, and the runs did break the rule's conditions.
    expect(seen.checked).toBeGreaterThan(100);
    expect(seen.staleWhileBroken).toBeGreaterThan(0);
  });
});

describe('quorumState names the condition behind every stale read while W + R > N', () => {
  /** Runs one generated scenario; counts stale reads with overlap, and expects each explained by `kind`. */
  function explained(sim: Simulation, kind: BrokenCondition['kind'], tally: { stale: number }) {
    const stale = staleReads(sim.trace.ops, sim.strategy).map((s) => s.read);
    for (const read of stale) {
      const q = stateOf(sim, read.completedAt!);
      if (!q.overlap) continue;
      tally.stale++;
      expect(kinds(q.broken), `read ${read.id}`).toContain(kind);
    }
  }

  it('W raised after writes made with a lower W: weak writes', () => {
    const tally = { stale: 0 };
    fc.assert(
      fc.property(
        clusterShape('any')
          .filter((s) => s.n >= 2)
          .chain((shape) =>
            fc.record({
              // Start with W + R ≤ N, then raise W so that W + R > N with R unchanged or lower.
              shape: fc.constant({ ...shape, w: 1, r: 1 }),
              change: fc.record({ at: fc.integer({ min: 500, max: 2500 }), w: fc.integer({ min: shape.n, max: shape.n }), r: fc.integer({ min: 1, max: 1 }) }),
              ops: operations(shape, 3000, 40),
              links: slowLinks(shape),
              seed: fc.integer({ min: 0, max: 0xffffffff }),
            }),
          ),
        ({ shape, change, ops, links, seed }) => {
          const script: Action[] = [...ops, { at: change.at, type: 'set-quorum', w: change.w, r: change.r }];
          const sim = new Simulation(scenarioOf(shape, { seed, script, latency: { kind: 'exponential', rate: 1 / 60 }, links, antiEntropyMs: 0 }));
          sim.runUntil(9000);
          explained(sim, 'weak-writes', tally);
        },
      ),
      { numRuns: 120 },
    );
    expect(tally.stale).toBeGreaterThan(0);
  });

  it('R raised after reads answered by too few replicas: weak reads', () => {
    const tally = { stale: 0 };
    fc.assert(
      fc.property(
        clusterShape('any')
          .filter((s) => s.n >= 2)
          .chain((shape) =>
            fc.record({
              // Start with W + R ≤ N (R = 1), then raise R so that W + R > N: the earlier reads were too small.
              shape: fc.integer({ min: 1, max: shape.n - 1 }).map((w) => ({ ...shape, w, r: 1 })),
              at: fc.integer({ min: 1000, max: 3000 }),
              ops: operations(shape, 3000, 40),
              links: slowLinks(shape),
              seed: fc.integer({ min: 0, max: 0xffffffff }),
            }),
          ),
        ({ shape, at, ops, links, seed }) => {
          const script: Action[] = [...ops, { at, type: 'set-quorum', r: shape.n - shape.w + 1 }];
          const sim = new Simulation(scenarioOf(shape, { seed, script, latency: { kind: 'exponential', rate: 1 / 60 }, links, antiEntropyMs: 0 }));
          sim.runUntil(9000);
          // Judged at the end, when W + R > N: every stale read so far must be explained.
          const q = stateOf(sim, 9000);
          const stale = staleReads(sim.trace.ops, sim.strategy);
          tally.stale += stale.length;
          if (stale.length > 0) expect(kinds(q.broken)).toContain('weak-reads');
        },
      ),
      { numRuns: 120 },
    );
    expect(tally.stale).toBeGreaterThan(0);
  });

  it('a crash that loses writes not yet on disk', () => {
    const tally = { stale: 0 };
    fc.assert(
      fc.property(
        clusterShape(true).chain((shape) => {
          const ring = replicaIds(shape.replicas) as string[];
          const crash = fc
            .record({ at: fc.integer({ min: 0, max: 3000 }), node: fc.constantFrom(...ring), down: fc.integer({ min: 10, max: 300 }) })
            .map(({ at, node, down }): Action[] => [
              { at, type: 'crash', node, loseUndurable: true },
              { at: at + down, type: 'recover', node },
            ]);
          return fc.record({ shape: fc.constant(shape), ops: operations(shape, 3000, 40), crashes: fc.array(crash, { minLength: 1, maxLength: 4 }), links: slowLinks(shape), seed: fc.integer({ min: 0, max: 0xffffffff }) });
        }),
        ({ shape, ops, crashes, links, seed }) => {
          const sim = new Simulation(scenarioOf(shape, { seed, script: [...ops, ...crashes.flat()], latency: { kind: 'exponential', rate: 1 / 60 }, links, antiEntropyMs: 0, durabilityMs: 2000 }));
          sim.runUntil(9000);
          explained(sim, 'crash-loss', tally);
        },
      ),
      { numRuns: 150 },
    );
    expect(tally.stale).toBeGreaterThan(0);
  });

  it('sloppy quorums with stand-ins', () => {
    const tally = { stale: 0 };
    fc.assert(
      fc.property(
        clusterShape(true)
          .filter((s) => s.replicas > s.n)
          .chain((shape) => fc.record({ shape: fc.constant(shape), ops: operations(shape, 3000, 40), faults: faults(shape, 3000), links: slowLinks(shape), seed: fc.integer({ min: 0, max: 0xffffffff }) })),
        ({ shape, ops, faults, links, seed }) => {
          // Crashes here keep what they hold: only stand-ins can break the rule.
          const kept = faults.map((a) => (a.type === 'crash' ? { ...a, loseUndurable: false } : a));
          const sim = new Simulation(scenarioOf(shape, { seed, script: [...ops, ...kept], latency: { kind: 'exponential', rate: 1 / 60 }, links, antiEntropyMs: 0, sloppyQuorum: true }));
          sim.runUntil(9000);
          explained(sim, 'stand-ins', tally);
        },
      ),
      { numRuns: 150 },
    );
    expect(tally.stale).toBeGreaterThan(0);
  });
});
