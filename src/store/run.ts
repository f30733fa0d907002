import type { NodeId } from '../sim/ids.ts';
import type { Action, Scenario } from '../sim/scenario.ts';
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

/**
 * The script with `action` added at time t. Anything scripted after t is dropped: acting
 * in the past forks the run there, and the old future is gone.
 */
export function forkScript(script: readonly Action[], action: Action): { script: Action[]; dropped: number } {
  const kept = script.filter((a) => a.at <= action.at);
  return { script: [...kept, action], dropped: script.length - kept.length };
}

/** Round a playhead time for the script, so URLs stay short and runs stay exact. */
export function roundTime(t: number): number {
  return Math.round(t * 10) / 10;
}
