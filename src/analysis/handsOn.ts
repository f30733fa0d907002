import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import type { GCounterState } from '../sim/values/crdt/gCounter.ts';

/**
 * The runs behind the module's hands-on exercise, done in the lab instead of on a
 * Kubernetes cluster: replication lag in a strongly and an eventually consistent store
 * side by side, which of two near-simultaneous writes last write wins keeps, and why a
 * like counter merges by maximum, not by sum. Pure and seeded.
 */

export type Store = 'eventual' | 'strong';

export interface LagRun {
  /** How long the write took to be acknowledged, ms. */
  readonly ackMs: number;
  /** When the last replica had it, ms after the write began. */
  readonly everywhereMs: number;
  /** What a read through C returned, `after` ms after the acknowledgement. */
  readonly read: string;
}

const LAG_CLUSTER = { replicas: 3, n: 3, r: 1, clients: ['c1', 'c2'], antiEntropyMs: 0 } as const;
/** C is far from A: a copy takes half a second to reach it (another region, say). */
export const FAR_MS = 500;

/**
 * x = 1 everywhere, then x = 2 written through A at 1 s, and a read through C `after` ms
 * after the write is acknowledged. C is far from A (FAR_MS a message). 'eventual'
 * acknowledges after one replica (W = 1); 'strong' after every replica (W = N), so every
 * read afterwards sees it. Other message times are drawn (40 to 120 ms), the same draws
 * in every run of a seed.
 */
export function lagRun(store: Store, after: number, seed = 1): LagRun {
  const w = store === 'strong' ? 3 : 1;
  const base: Action[] = [
    { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
    { at: 1000, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '2' },
  ];
  const scenario = (script: Action[]) =>
    makeScenario({ seed, cluster: { ...LAG_CLUSTER, w }, network: { links: [{ from: 'A', to: 'C', latency: { kind: 'constant', ms: FAR_MS } }] }, script });
  const first = new Simulation(scenario(base));
  first.runUntil(5000);
  const write = first.trace.ops[1]!;
  const ackAt = write.completedAt!;
  const sim = new Simulation(scenario([...base, { at: ackAt + after, type: 'read', client: 'c2', coordinator: 'C', key: 'x' }]));
  sim.runUntil(6000);
  const read = sim.trace.ops[2]!;
  const everywhere = Math.max(...sim.ring.map((node) => [...sim.trace.changes].filter((c) => c.node === node && c.key === 'x').at(-1)?.at ?? Infinity));
  return { ackMs: ackAt - 1000, everywhereMs: everywhere - 1000, read: read.outcome === 'ok' ? ((read.result as string[] | null) ?? []).join(' | ') || 'nothing' : 'fail' };
}

/**
 * Two writes of one key, `gap` ms apart: "from-a" through A, then "from-b" through B,
 * with B's clock `skewB` ms off (negative: behind). Last write wins stamps each write with
 * its coordinator's clock when the request reaches it, so the network's timing counts as
 * much as the users' order. What every replica keeps once they agree, for each of the
 * seeds 1 to `seeds` (each seed draws other message times).
 */
export function whichWon(gap: number, skewB: number, seeds = 12): readonly string[] {
  const kept = new Set<string>();
  for (let seed = 1; seed <= seeds; seed++) {
    const script: Action[] = [
      ...(skewB !== 0 ? [{ at: 0, type: 'set-skew', node: 'B', ms: skewB } as Action] : []),
      { at: 100, type: 'write', client: 'c1', coordinator: 'A', key: 'setting', value: 'from-a' },
      { at: 100 + gap, type: 'write', client: 'c2', coordinator: 'B', key: 'setting', value: 'from-b' },
    ];
    const sim = new Simulation(makeScenario({ seed, cluster: { replicas: 3, n: 3, w: 1, r: 1, clients: ['c1', 'c2'], antiEntropyMs: 1000 }, script }));
    sim.runUntil(6000);
    const values = new Set(sim.ring.map((node) => sim.strategy.values(sim.replica(node).storage.get('setting') ?? sim.strategy.empty()).join(' | ')));
    kept.add(values.size === 1 ? [...values][0]! : 'no agreement');
  }
  return [...kept].sort();
}

/** Two like servers' per-server counts, synced twice from B to A: merged by maximum, or by adding B's counts to A's. */
export function syncTwice(merge: 'max' | 'sum'): number {
  const a: GCounterState = { A: 4, B: 1 };
  const b: GCounterState = { A: 2, B: 3 };
  const once = (x: GCounterState, y: GCounterState): GCounterState => {
    const out: Record<string, number> = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = merge === 'max' ? Math.max(out[k] ?? 0, v) : (out[k] ?? 0) + v;
    return out;
  };
  return Object.values(once(once(a, b), b)).reduce((s, n) => s + n, 0);
}
