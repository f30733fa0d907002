import { costTo, fitRun, fits, keysOf, LOOKAHEAD_MS, MAX_OPS_PER_SECOND, neededUntil, peakOpsPerSecond, RUN_BUDGET, type RunCost } from '../sim/cost.ts';
import { MAX_TIME } from '../sim/scenario.ts';
import type { Scenario } from '../sim/scenario.ts';

/*
 * What the lab says when a run asks for more than it will simulate (sim/cost.ts): what
 * makes it heavy, how much it would be, and the limit.
 */

/** "1:05:00", "12:30", "0:04": a virtual time for a sentence. */
export function clockTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** What makes a run heavy, in a phrase: "9 replicas, 100 keys, 2,000 reads and writes and anti-entropy every 250 ms". */
export function heavyParts(scenario: Scenario): string {
  const c = scenario.cluster;
  const ops = scenario.script.filter((a) => a.type === 'write' || a.type === 'read').length;
  const keys = keysOf(scenario);
  const parts = [`${c.replicas} replicas`, `${keys.toLocaleString('en')} key${keys === 1 ? '' : 's'}`, `${ops.toLocaleString('en')} reads and writes`];
  if (c.antiEntropyMs > 0) parts.push(`anti-entropy every ${c.antiEntropyMs.toLocaleString('en')} ms`);
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Why a run cannot be shown at `time` (with all its actions), in one sentence: what makes
 * it heavy, and how many times the lab's budget it would take.
 */
export function tooBigWords(scenario: Scenario, time: number, budget: RunCost = RUN_BUDGET): string {
  const peak = peakOpsPerSecond(scenario);
  if (peak > MAX_OPS_PER_SECOND) return `This run is too crowded to show: ${peak.toLocaleString('en')} reads and writes start within one second, and the lab shows at most ${MAX_OPS_PER_SECOND} a second.`;
  const cost = costTo(scenario, neededUntil(scenario, time));
  const times = Math.max(cost.events / budget.events, cost.work / budget.work);
  const until = Math.min(MAX_TIME, Math.max(time, neededUntil(scenario, 0) - LOOKAHEAD_MS));
  const much = times < 1.5 ? 'more than' : `about ${times < 10 ? times.toFixed(0) : Math.round(times).toLocaleString('en')} times`;
  return `This run is too heavy to simulate here: ${heavyParts(scenario)}, up to ${clockTime(until)}, would take ${much} what the lab simulates in one run. Fewer replicas, keys or actions, or slower anti-entropy, would fit.`;
}

/** The button that opens the smaller run a notice offers: the same run up to where it fits, or its first actions. */
export function smallerRunLabel(smaller: { readonly scenario: Scenario; readonly time: number; readonly cut?: 'time' | 'actions' }): string {
  if (smaller.cut === 'actions') return `Open its first ${smaller.scenario.script.length.toLocaleString('en')} action${smaller.scenario.script.length === 1 ? '' : 's'} instead`;
  return `Open it up to ${clockTime(smaller.time)} instead`;
}

/**
 * Whether a run asks for more than the lab simulates, and if so the sentence that says why
 * and the smaller run to offer (null if nothing of it fits): the one check a link, a file
 * and an action go through.
 */
export function heavyRefusal(scenario: Scenario, time: number): { readonly text: string; readonly smaller: ReturnType<typeof fitRun> } | null {
  if (fits(scenario, time)) return null;
  return { text: tooBigWords(scenario, time), smaller: fitRun(scenario, time) };
}
