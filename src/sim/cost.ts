import { MAX_TIME, type Scenario } from './scenario.ts';
import { findStrategy } from './values/index.ts';

/*
 * What a run will cost before it is computed: an estimate from the scenario alone, so a
 * link, a file or a drag of the timeline that asks for too much is refused in words
 * instead of locking the tab. The simulator's cost grows with
 *
 * - the operations: each write or read is a client message each way, a message to and
 *   from each of the key's N replicas, and two timeouts (a sloppy check, and read
 *   repair's messages, where they are on);
 * - anti-entropy: every replica, every antiEntropyMs, sends a peer the state of every key
 *   they share and gets back what differs: two messages and work for each key it holds;
 * - hinted hand-off timers, where sloppy quorums are on;
 *
 * up to the time the run is simulated to. `events` counts what the trace keeps (memory);
 * `work` adds the per-key work of anti-entropy (time). Calibrated against the simulator
 * in cost.test.ts: the estimate is never below what the simulator does by much, and not
 * far above it.
 */
export interface RunCost {
  /** Events the simulator will process (messages, timers, actions): what the trace holds. */
  readonly events: number;
  /** events plus anti-entropy's work per key: what the time depends on. */
  readonly work: number;
}

/**
 * The most a run may cost, wherever it comes from. About 50 MiB of trace at ~65 bytes an
 * event (the compact trace, measured in Node by `npm run bench`), and a few seconds of
 * simulation on a slow laptop, done in slices (store/run.ts), so the page keeps answering.
 * Time, not memory, is what holds the budget where it is.
 */
export const RUN_BUDGET: RunCost = { events: 750_000, work: 4_000_000 };

/**
 * How far past the playhead a run is kept simulated, in virtual ms (store/run.ts): a run
 * asked to show time t is simulated to t + LOOKAHEAD_MS.
 */
export const LOOKAHEAD_MS = 4000;

/** Distinct keys the script touches. */
export function keysOf(scenario: Scenario): number {
  const keys = new Set<string>();
  for (const a of scenario.script) if (a.type === 'write' || a.type === 'read') keys.add(a.key);
  return keys.size;
}

/** The cost of simulating `scenario` from the start up to virtual time `t` (ms). */
export function costTo(scenario: Scenario, t: number): RunCost {
  const c = scenario.cluster;
  const n = Math.min(c.n, c.replicas);
  let ops = 0;
  let writes = 0;
  const perKey = new Map<string, { writes: number; blind: number }>();
  for (const a of scenario.script) {
    if (a.at > t || (a.type !== 'write' && a.type !== 'read')) continue;
    ops++;
    if (a.type !== 'write') continue;
    writes++;
    const k = perKey.get(a.key) ?? { writes: 0, blind: 0 };
    k.writes++;
    if (a.blind) k.blind++;
    perKey.set(a.key, k);
  }
  const perOp = 4 + 2 * n + (c.readRepair ? n : 0) + (c.readWriteBack ? 2 * n : 0) + (c.sloppyQuorum ? 1 + n : 0);
  // With durability delayed, every write a replica applies schedules a flush.
  const opEvents = ops * perOp + (c.durabilityMs > 0 ? writes * n : 0);
  // A value whose state grows with its writes costs more to merge the more it has had.
  const strategy = findStrategy(c.strategy);
  let mergeWork = 0;
  if (strategy?.mergeWork) for (const k of perKey.values()) mergeWork += n * strategy.mergeWork(k.writes, k.blind);
  const keys = keysOf(scenario);
  const rounds = c.antiEntropyMs > 0 ? (c.replicas * t) / c.antiEntropyMs : 0;
  // A round is a timer, a sync and usually a reply; each key a replica holds is sent,
  // merged and compared.
  const keysHeld = keys === 0 ? 0 : (keys * n) / c.replicas;
  const aeEvents = rounds * 3;
  const aeWork = rounds * 3 * keysHeld;
  // Each hand-off round, a stand-in sends back every hint it holds, and sends it again
  // while its owner stays down: at most a hint for each key it stands in for.
  const handoffRounds = c.sloppyQuorum && c.hintedHandoffMs > 0 ? (c.replicas * t) / c.hintedHandoffMs : 0;
  const handoff = handoffRounds * (1 + 2 * Math.min(keys, Math.max(0, c.replicas - n) > 0 ? keys : 0));
  const events = Math.ceil(opEvents + aeEvents + handoff + scenario.script.length);
  return { events, work: Math.ceil(events + aeWork + mergeWork) };
}

/**
 * The most reads and writes a run may start within any one second. Past it nobody can
 * follow what happens, and the picture and the diagram would draw tens of thousands of
 * messages a frame (a run file with 20,000 operations at one instant froze the page).
 */
export const MAX_OPS_PER_SECOND = 250;

/** The most reads and writes the script starts within any one second. */
export function peakOpsPerSecond(scenario: Scenario): number {
  const times = scenario.script.filter((a) => a.type === 'write' || a.type === 'read').map((a) => a.at);
  times.sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

/** Whether a cost is within the budget. */
export function withinBudget(cost: RunCost, budget: RunCost = RUN_BUDGET): boolean {
  return cost.events <= budget.events && cost.work <= budget.work;
}

/**
 * The latest time (ms, up to the schema's hour) to which the scenario can be simulated
 * within the budget: where a timeline stops. 0 when even the start is over it.
 */
export function reachableUntil(scenario: Scenario, budget: RunCost = RUN_BUDGET): number {
  if (withinBudget(costTo(scenario, MAX_TIME), budget)) return MAX_TIME;
  if (!withinBudget(costTo(scenario, 0), budget)) return 0;
  // Cost only grows with time: halve the gap to a tenth of a second.
  let lo = 0;
  let hi = MAX_TIME;
  while (hi - lo > 100) {
    const mid = (lo + hi) / 2;
    if (withinBudget(costTo(scenario, mid), budget)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo / 100) * 100;
}

/** Where a run must be simulated to, to show `time` and every scripted action. */
export function neededUntil(scenario: Scenario, time: number): number {
  const last = scenario.script.reduce((m, a) => Math.max(m, a.at), 0);
  return Math.min(MAX_TIME, Math.max(time, last)) + LOOKAHEAD_MS;
}

/** Whether a run can be simulated far enough to show `time` and all its actions, and is not too crowded to draw. */
export function fits(scenario: Scenario, time: number, budget: RunCost = RUN_BUDGET): boolean {
  return peakOpsPerSecond(scenario) <= MAX_OPS_PER_SECOND && withinBudget(costTo(scenario, neededUntil(scenario, time)), budget);
}

/**
 * A smaller run that fits: the same cluster, the script's actions up to where the budget
 * reaches (and if even those are too many, the first of them), the playhead no later than
 * the run can be shown. Null if not even an empty script fits.
 */
export function fitRun(scenario: Scenario, time: number, budget: RunCost = RUN_BUDGET): { scenario: Scenario; time: number; cut: 'time' | 'actions' } | null {
  const limit = Math.max(0, reachableUntil(scenario, budget) - LOOKAHEAD_MS);
  let script = scenario.script.filter((a) => a.at <= limit);
  while (script.length > 0 && !fits({ ...scenario, script }, 0, budget)) script = script.slice(0, Math.floor(script.length / 2));
  const smaller = { ...scenario, script };
  if (!fits(smaller, 0, budget)) return null;
  const shown = Math.max(0, reachableUntil(smaller, budget) - LOOKAHEAD_MS);
  return { scenario: smaller, time: Math.min(time, shown), cut: script.length < scenario.script.length ? 'actions' : 'time' };
}
