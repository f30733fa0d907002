import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costTo, fitRun, fits, reachableUntil, withinBudget } from './cost.ts';
import { replicaIds } from './ids.ts';
import { makeScenario, MAX_TIME, type Action, type Scenario } from './scenario.ts';
import { Simulation } from './simulation.ts';

/** A scenario with `ops` reads and writes spread over `dur` ms, round the replicas and keys; with `crash`, replica B crashes a third of the way in and loses what was not on disk. */
function spread(replicas: number, n: number, keys: number, ops: number, dur: number, cluster: Partial<Scenario['cluster']> = {}, extra: { crash?: boolean; blind?: boolean } = {}): Scenario {
  const ids = replicaIds(replicas);
  const script: Action[] = [];
  for (let i = 0; i < ops; i++) {
    const at = Math.round((i * dur) / Math.max(ops, 1));
    const common = { at, coordinator: ids[i % replicas]!, key: `k${i % keys}` };
    script.push(i % 2 ? { ...common, type: 'write', client: 'c1', value: String(i), ...(extra.blind ? { blind: true } : {}) } : { ...common, type: 'read', client: 'c2' });
  }
  if (extra.crash) script.push({ at: Math.round(dur / 3), type: 'crash', node: 'B', loseUndurable: true });
  return makeScenario({ cluster: { replicas, n, w: 1, r: 1, ...cluster }, script: [...script].sort((a, b) => a.at - b.at) });
}

describe('the cost of a run, estimated before it is computed', () => {
  it('is never below the events the simulator processes, and at most a few times above', () => {
    fc.assert(
      fc.property(
        fc.record({
          replicas: fc.integer({ min: 3, max: 9 }),
          n: fc.integer({ min: 1, max: 9 }),
          keys: fc.integer({ min: 1, max: 60 }),
          antiEntropyMs: fc.constantFrom(0, 250, 1000, 3000),
          ops: fc.integer({ min: 0, max: 300 }),
          dur: fc.integer({ min: 1000, max: 20_000 }),
          readRepair: fc.boolean(),
          sloppyQuorum: fc.boolean(),
          durabilityMs: fc.constantFrom(0, 0, 200),
          strategy: fc.constantFrom('lww' as const, 'mv' as const),
          crash: fc.boolean(),
          blind: fc.boolean(),
        }),
        ({ replicas, n, keys, ops, dur, crash, blind, ...cluster }) => {
          const scenario = spread(replicas, Math.min(n, replicas), keys, ops, dur, cluster, { crash, blind });
          const sim = new Simulation(scenario);
          sim.runUntil(dur + 4000);
          const estimate = costTo(scenario, dur + 4000);
          expect(sim.events).toBeLessThanOrEqual(estimate.events);
          // Not far above, where it can tell: sloppy quorums' hand-offs are counted as if every key were handed back every round.
          if (!cluster.sloppyQuorum) expect(estimate.events).toBeLessThanOrEqual(3 * sim.events + 50);
        },
      ),
      { numRuns: 40 },
    );
    // Multi-value runs with blind writes simulate slowly by design (siblings pile up): room for a busy machine.
  }, 30_000);

  it('refuses the heavy link of the issue (9 replicas, N = 9, 100 keys, anti-entropy every 250 ms, an hour) and says how far it can go', () => {
    const heavy = spread(9, 9, 100, 100, 1000, { w: 9, r: 9, antiEntropyMs: 250 });
    expect(withinBudget(costTo(heavy, MAX_TIME))).toBe(false);
    const until = reachableUntil(heavy);
    expect(until).toBeGreaterThan(10_000);
    expect(until).toBeLessThan(MAX_TIME);
    expect(withinBudget(costTo(heavy, until))).toBe(true);
    expect(withinBudget(costTo(heavy, until + 200))).toBe(false);
  });

  it('lets the labs’ own runs through for the whole hour', () => {
    expect(reachableUntil(makeScenario({}))).toBe(MAX_TIME);
    expect(reachableUntil(spread(5, 3, 2, 200, 10_000))).toBe(MAX_TIME);
  });

  it('fits a smaller run: the first actions of a script too big at its first moment, the playhead where it can be', () => {
    const crowd = spread(5, 5, 10, 20_000, 0, { antiEntropyMs: 3000 });
    const budget = { events: 100_000, work: 1_000_000 };
    expect(withinBudget(costTo(crowd, 0), budget)).toBe(false);
    const fitted = fitRun(crowd, 60_000, budget)!;
    expect(fitted.scenario.script.length).toBeGreaterThan(0);
    expect(fitted.scenario.script.length).toBeLessThan(crowd.script.length);
    expect(fitted.scenario.script).toEqual(crowd.script.slice(0, fitted.scenario.script.length));
    expect(fits(fitted.scenario, fitted.time, budget)).toBe(true);
    expect(fitted.scenario.cluster).toEqual(crowd.cluster);
  });

  it('fits the heavy link as the same run up to where the budget reaches, with the playhead there', () => {
    const heavy = spread(9, 9, 100, 100, 1000, { w: 9, r: 9, antiEntropyMs: 250 });
    expect(fits(heavy, MAX_TIME)).toBe(false);
    const fitted = fitRun(heavy, MAX_TIME)!;
    expect(fitted.scenario.script).toEqual(heavy.script);
    expect(fitted.time).toBeLessThan(MAX_TIME);
    expect(fits(fitted.scenario, fitted.time)).toBe(true);
  });

  it('counts the merges of a value that grows with its writes: many blind writes to one multi-value key, many adds to one OR-Set', () => {
    const siblings = makeScenario({ cluster: { strategy: 'mv' }, script: Array.from({ length: 500 }, (_, i) => ({ at: i * 4, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: String(i), blind: true }) as Action) });
    expect(fits(siblings, 0)).toBe(false);
    const few = { ...siblings, script: siblings.script.slice(0, 40) };
    expect(fits(few, 0)).toBe(true);
  });
});
