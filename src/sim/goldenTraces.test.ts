import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standardWorkload } from '../../bench/simulator.ts';
import { CART_STORIES } from '../content/cartStories.ts';
import { QUORUM_DEMOS } from '../content/quorumDemos.ts';
import { DEFAULT_LIKE_CONFIG, likeScenario } from '../labs/conflicts/model/likes/likeCounter.ts';
import type { Scenario } from './scenario.ts';
import { Simulation } from './simulation.ts';
import { clusterShape, distribution, faults, operations, scenarioOf, slowLinks } from './testing/arbitraries.ts';
import { traceDigest } from './testing/traceDigest.ts';
import '../sim/values/cart.ts';
import '../sim/values/crdt/index.ts';

/**
 * Golden runs: scenarios frozen in goldenTraces.json with the digest of the trace the
 * engine gave for each when the file was written. Any change to the simulator or to how
 * the trace is stored must give the same traces (testing/traceDigest.ts says what a
 * trace line holds). `WRITE_GOLDEN=1 npx vitest run src/sim/goldenTraces.test.ts` writes
 * the file anew: only for a change that means to alter runs, said so in its commit.
 */
const FILE = new URL('./testing/goldenTraces.json', import.meta.url);

interface Golden {
  readonly name: string;
  readonly until: number;
  readonly scenario: Scenario;
  readonly digest: string;
}

function scenarios(): Omit<Golden, 'digest'>[] {
  const out: Omit<Golden, 'digest'>[] = [];
  for (const d of QUORUM_DEMOS) for (const seed of [1, 2]) out.push({ name: `quorum demo ${d.id} seed ${seed}`, until: 20_000, scenario: d.scenario(seed) });
  for (const s of CART_STORIES) for (const strategy of ['cart-lww', 'cart-mv', 'cart-orset'] as const) out.push({ name: `cart ${s.id} ${strategy}`, until: 15_000, scenario: s.scenario(7, strategy) });
  for (const design of ['g-counter', 'lww-counter'] as const) out.push({ name: `likes ${design}`, until: 20_000, scenario: likeScenario(DEFAULT_LIKE_CONFIG, design) });
  out.push({ name: 'standard workload, 2000 operations', until: 14_000, scenario: standardWorkload(2000, 3) });
  const random = clusterShape('any').chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      ops: operations(shape, 4000, 40),
      faults: faults(shape, 4000),
      links: slowLinks(shape),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      latency: distribution,
      loss: fc.constantFrom(0, 0, 0.05, 0.2),
      skewB: fc.constantFrom(0, 0, 800, -500),
      antiEntropyMs: fc.constantFrom(0, 500, 1000),
      durabilityMs: fc.constantFrom(0, 0, 300),
      sloppyQuorum: fc.boolean(),
    }),
  );
  fc.sample(random, { seed: 20261130, numRuns: 40 }).forEach((r, i) => {
    const scenario = scenarioOf(r.shape, { seed: r.seed, script: [...r.ops, ...r.faults], latency: r.latency, links: r.links, loss: r.loss, skew: r.skewB ? { B: r.skewB } : {}, antiEntropyMs: r.antiEntropyMs, durabilityMs: r.durabilityMs, sloppyQuorum: r.sloppyQuorum });
    // Stable sort, as the simulator sorts: the frozen file then reads in time order.
    out.push({ name: `random ${i}`, until: 12_000, scenario: { ...scenario, script: [...scenario.script].sort((a, b) => a.at - b.at) } });
  });
  return out;
}

function digestOf(g: Omit<Golden, 'digest'>): string {
  const sim = new Simulation(g.scenario);
  sim.runUntil(g.until);
  return traceDigest(sim.trace);
}

describe('golden traces', () => {
  if (process.env.WRITE_GOLDEN === '1') {
    it('writes the golden file', () => {
      const all = scenarios().map((g) => ({ ...g, digest: digestOf(g) }));
      writeFileSync(FILE, `[\n${all.map((g) => JSON.stringify(g)).join(",\n")}\n]\n`);
      expect(all.length).toBeGreaterThan(40);
    });
    return;
  }

  const golden = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Golden[]) : [];
  it('has its frozen runs', () => {
    expect(golden.length).toBeGreaterThan(40);
  });
  it.each(golden.map((g) => [g.name, g] as const))('%s gives the trace it gave when frozen', (_, g) => {
    expect(digestOf(g)).toBe(g.digest);
  });
});
