import { replicaIds } from '../sim/ids.ts';
import type { Action, Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { STANDARD_WORKLOAD, workload } from '../sim/workload.ts';
import { measure, type Measurements } from './measure.ts';

export interface QuorumConfig {
  readonly w: number;
  readonly r: number;
}

export interface TradeoffRow {
  readonly config: QuorumConfig;
  /** A run with every replica up: latency and staleness. */
  readonly healthy: Measurements;
  /** The same workload with `crashed` replicas down throughout: what stays available. */
  readonly degraded: Measurements;
}

/** The four settings of the module's N = 5 trade-off question. */
export const MODULE_CONFIGS: readonly QuorumConfig[] = [
  { w: 3, r: 3 },
  { w: 1, r: 5 },
  { w: 5, r: 1 },
  { w: 1, r: 1 },
];

/**
 * Measure each quorum setting on the same cluster and the same workload: once healthy and
 * once with `crashed` replicas down. The numbers in the lab's trade-off matrix come from
 * these runs, not from a table of adjectives.
 *
 * @example tradeoffs(base, MODULE_CONFIGS, 2)[1].degraded.readAvailability // W=1, R=5 with two down: 0
 */
export function tradeoffs(base: Scenario, configs: readonly QuorumConfig[], crashed: number, durationMs: number = STANDARD_WORKLOAD.durationMs): TradeoffRow[] {
  const replicas = replicaIds(base.cluster.replicas) as string[];
  // Clients send to replicas that are up, as real clients retry elsewhere: what is measured
  // is whether the quorum can be met, not whether the first replica tried was down.
  const ops = (coordinators: readonly string[]) =>
    // One key, so reads and writes meet often enough for staleness to show.
    workload({ ...STANDARD_WORKLOAD, from: 500, durationMs, clients: base.cluster.clients, coordinators, keys: ['x'], seed: base.seed });
  const down = replicas.slice(replicas.length - crashed);
  const up = replicas.filter((r) => !down.includes(r));
  const crashes: Action[] = down.map((node) => ({ at: 0, type: 'crash', node }));
  const run = (config: QuorumConfig, extra: readonly Action[]) => {
    const script = [...extra, ...ops(extra.length > 0 ? up : replicas)];
    const scenario: Scenario = { ...base, cluster: { ...base.cluster, w: config.w, r: config.r }, script };
    const sim = new Simulation(scenario);
    sim.runUntil(500 + durationMs + 3 * base.cluster.timeoutMs);
    return measure(sim.trace.ops, sim.strategy);
  };
  return configs.map((config) => ({ config, healthy: run(config, []), degraded: run(config, crashes) }));
}
