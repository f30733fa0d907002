import type { NodeId } from '../sim/ids.ts';
import { MAX_TIME, type Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { Timeline } from '../sim/timeline.ts';
import { LOOKAHEAD_MS, reachableUntil } from '../sim/cost.ts';
import { computeMoment, type RunMoment } from './moment.ts';

export { LOOKAHEAD_MS };
/** How many moments a run remembers: a frame's, the panels', and a few being scrubbed. */
const MOMENTS_KEPT = 48;

/**
 * A run: one scenario, simulated a little ahead of the playhead, and what it shows at any
 * moment. A run is a value to its readers: `at(t)` gives the cluster at t, computed once
 * and frozen. How lookahead works without anyone seeing a change: the simulation only ever
 * runs forward, appending to its trace, and it is always at least LOOKAHEAD_MS / 2 past any
 * time a reader asks about. A moment reads only what had happened by its time (operations
 * completed, messages sent, storage changed, all at or before t), and all of that is
 * already in the trace and never changes when the simulation runs further. A new script
 * (an action, a fork) makes a new run; nothing is ever undone.
 */
export interface Run {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly timeline: Timeline;
  readonly replicas: readonly NodeId[];
  readonly clients: readonly NodeId[];
  /**
   * The latest playhead the run can be shown at within the lab's budget (sim/cost.ts):
   * the schema's hour for every ordinary run, less for one heavy with keys, replicas and
   * anti-entropy. Worked out when first asked.
   */
  readonly limit: number;
  /** The cluster at time t, as every view sees it: computed once, then remembered. */
  at(t: number): RunMoment;
}

/**
 * A run of `scenario`, simulated to `until` and LOOKAHEAD_MS beyond, or, with `maxEvents`,
 * only that far into it: the store carries on in slices (see `extendRun`).
 */
export function startRun(scenario: Scenario, until: number, maxEvents = Infinity): Run {
  const sim = new Simulation(scenario);
  sim.runUntil(until + LOOKAHEAD_MS, maxEvents);
  const timeline = new Timeline(sim.trace);
  const moments = new Map<number, RunMoment>();
  let limit: number | null = null;
  const run: Run = {
    scenario,
    sim,
    timeline,
    replicas: sim.ring,
    clients: sim.clients,
    get limit() {
      // The whole hour when it all fits; else where the budget, less the lookahead, reaches.
      if (limit === null) {
        const reach = reachableUntil(scenario);
        limit = reach >= MAX_TIME ? MAX_TIME : Math.max(0, reach - LOOKAHEAD_MS);
      }
      return limit;
    },
    at(t) {
      let moment = moments.get(t);
      if (moment) return moment;
      extendRun(run, t);
      moment = computeMoment(run, t);
      moments.set(t, moment);
      // Forget the oldest first: a Map keeps insertion order.
      if (moments.size > MOMENTS_KEPT) moments.delete(moments.keys().next().value!);
      return moment;
    },
  };
  return run;
}

/** Whether the run is simulated far enough past t to show it: everything up to LOOKAHEAD_MS / 2 beyond is final. */
export function readyAt(run: Run, t: number): boolean {
  return run.sim.now >= t + LOOKAHEAD_MS / 2;
}

/**
 * Simulate the run far enough past t to show it, or, with `maxEvents`, that many events
 * further at most (one slice). Returns whether it is now ready at t.
 */
export function extendRun(run: Run, t: number, maxEvents = Infinity): boolean {
  if (readyAt(run, t)) return true;
  run.sim.runUntil(t + LOOKAHEAD_MS, maxEvents);
  run.timeline.refresh();
  return readyAt(run, t);
}
