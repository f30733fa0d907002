import type { NodeId } from '../sim/ids.ts';
import type { Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { Timeline } from '../sim/timeline.ts';

/** How far past the playhead the simulation is kept run, in virtual ms. */
export const LOOKAHEAD_MS = 4000;

/**
 * A run: one simulation of one scenario, kept simulated a little ahead of the playhead,
 * and the index that answers "the cluster at time t". Not React state: the store swaps
 * whole runs and bumps a version number, and views read from the run.
 */
export interface Run {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly timeline: Timeline;
  readonly replicas: readonly NodeId[];
  readonly clients: readonly NodeId[];
}

export function startRun(scenario: Scenario, until: number): Run {
  const sim = new Simulation(scenario);
  sim.runUntil(until + LOOKAHEAD_MS);
  return { scenario, sim, timeline: new Timeline(sim.trace), replicas: sim.ring, clients: sim.clients };
}

/** Make sure the run is simulated far enough past t. Returns true if it ran further. */
export function extendRun(run: Run, t: number): boolean {
  if (run.sim.now >= t + LOOKAHEAD_MS / 2) return false;
  run.sim.runUntil(t + LOOKAHEAD_MS);
  run.timeline.refresh();
  return true;
}
