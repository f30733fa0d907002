import fc from 'fast-check';
import type { Distribution } from '../distributions.ts';
import { replicaIds } from '../ids.ts';
import { makeScenario, type Action, type ClusterConfig, type LinkOverride, type Scenario } from '../scenario.ts';

/** fast-check generators for scenarios, shared by the property tests. Test-only code. */

export const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ kind: fc.constant('constant' as const), ms: fc.integer({ min: 1, max: 200 }) }),
  fc.integer({ min: 1, max: 150 }).chain((min) => fc.record({ kind: fc.constant('uniform' as const), min: fc.constant(min), max: fc.integer({ min, max: min + 200 }) })),
  fc.record({ kind: fc.constant('exponential' as const), rate: fc.double({ min: 0.005, max: 0.2, noNaN: true }) }),
  fc.record({ kind: fc.constant('pareto' as const), xm: fc.double({ min: 1, max: 30, noNaN: true }), alpha: fc.double({ min: 1.2, max: 4, noNaN: true }) }),
);

export interface ClusterShape {
  replicas: number;
  n: number;
  w: number;
  r: number;
  clients: readonly string[];
  strategy: ClusterConfig['strategy'];
}

/** A cluster; `strict` gives W + R > N. */
export function clusterShape(strict: boolean | 'any'): fc.Arbitrary<ClusterShape> {
  return fc
    .record({ replicas: fc.integer({ min: 3, max: 7 }), strategy: fc.constantFrom('lww' as const, 'mv' as const), clients: fc.constantFrom(['c1'], ['c1', 'c2'], ['c1', 'c2', 'c3']) })
    .chain((c) =>
      // W + R ≤ N needs N ≥ 2: with N = 1 the filter below would find nothing and never end.
      fc.integer({ min: strict === false ? 2 : 1, max: c.replicas }).chain((n) =>
        fc
          .tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n }))
          .filter(([w, r]) => strict === 'any' || (strict ? w + r > n : w + r <= n))
          .map(([w, r]) => ({ ...c, n, w, r })),
      ),
    );
}

/** Writes and reads at random times, from random clients through random coordinators. */
export function operations(shape: ClusterShape, maxTime: number, maxOps = 25): fc.Arbitrary<Action[]> {
  const nodes = replicaIds(shape.replicas) as string[];
  const op = fc.record({
    at: fc.integer({ min: 0, max: maxTime }),
    write: fc.boolean(),
    client: fc.constantFrom(...shape.clients),
    coordinator: fc.constantFrom(...nodes),
    key: fc.constantFrom('x', 'y', 'z'),
    value: fc.integer({ min: 0, max: 99 }).map(String),
    blind: fc.boolean(),
  });
  return fc.array(op, { minLength: Math.min(4, maxOps), maxLength: maxOps, size: 'max' }).map((ops) =>
    ops.map(({ at, write, client, coordinator, key, value, blind }): Action =>
      write ? { at, type: 'write', client, coordinator, key, value, ...(blind ? { blind } : {}) } : { at, type: 'read', client, coordinator, key },
    ),
  );
}

/** Cuts, heals, crashes and recoveries at random times. */
export function faults(shape: ClusterShape, maxTime: number): fc.Arbitrary<Action[]> {
  const replicas = replicaIds(shape.replicas) as string[];
  const all = [...replicas, ...shape.clients];
  const pair = fc.tuple(fc.constantFrom(...all), fc.constantFrom(...all)).filter(([a, b]) => a !== b);
  const at = fc.integer({ min: 0, max: maxTime });
  const fault: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ at, p: pair, oneWay: fc.boolean(), cut: fc.boolean() }).map(({ at, p, oneWay, cut }): Action => ({ at, type: cut ? 'cut' : 'heal', from: p[0], to: p[1], ...(oneWay ? { oneWay } : {}) })),
    fc.record({ at, node: fc.constantFrom(...replicas), lose: fc.boolean() }).map(({ at, node, lose }): Action => ({ at, type: 'crash', node, ...(lose ? { loseUndurable: true } : {}) })),
    fc.record({ at, node: fc.constantFrom(...replicas) }).map(({ at, node }): Action => ({ at, type: 'recover', node })),
    fc.record({ at, split: fc.integer({ min: 1, max: all.length - 1 }) }).map(({ at, split }): Action => ({ at, type: 'partition', groups: [all.slice(0, split), all.slice(split)] })),
  );
  return fc.array(fault, { maxLength: 10 });
}

/** A few directed links made much slower than the rest: the races that break weak quorums. */
export function slowLinks(shape: ClusterShape): fc.Arbitrary<LinkOverride[]> {
  const nodes = [...(replicaIds(shape.replicas) as string[]), ...shape.clients];
  const link = fc
    .record({ from: fc.constantFrom(...nodes), to: fc.constantFrom(...nodes), ms: fc.integer({ min: 300, max: 1500 }) })
    .filter((l) => l.from !== l.to)
    .map(({ from, to, ms }): LinkOverride => ({ from, to, latency: { kind: 'constant', ms } }));
  return fc.array(link, { maxLength: 6 });
}

export function scenarioOf(shape: ClusterShape, parts: { seed: number; script: Action[]; latency: Distribution; links?: LinkOverride[]; loss?: number; skew?: Record<string, number>; antiEntropyMs?: number; durabilityMs?: number; sloppyQuorum?: boolean }): Scenario {
  return makeScenario({
    seed: parts.seed,
    cluster: {
      replicas: shape.replicas,
      clients: shape.clients,
      n: shape.n,
      w: shape.w,
      r: shape.r,
      strategy: shape.strategy,
      skew: parts.skew ?? {},
      antiEntropyMs: parts.antiEntropyMs ?? 1000,
      durabilityMs: parts.durabilityMs ?? 0,
      sloppyQuorum: parts.sloppyQuorum ?? false,
    },
    network: { latency: parts.latency, loss: parts.loss ?? 0, links: parts.links ?? [] },
    script: parts.script,
  });
}
