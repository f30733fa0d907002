import { costTo, keysOf, MAX_OPS_PER_SECOND, peakOpsPerSecond, RUN_BUDGET, type RunCost } from '../sim/cost.ts';
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

/** "750 thousand", "4 million", "4.3 million", "39 million". */
function thousands(n: number): string {
  if (n < 1_000_000) return `${Math.round(n / 1000).toLocaleString('en')} thousand`;
  const m = n / 1_000_000;
  return `${m < 10 ? Number(m.toFixed(1)) : Math.round(m).toLocaleString('en')} million`;
}

/** Why a run cannot be simulated up to `until`, in one sentence. */
export function tooBigWords(scenario: Scenario, until: number, budget: RunCost = RUN_BUDGET): string {
  const peak = peakOpsPerSecond(scenario);
  if (peak > MAX_OPS_PER_SECOND) return `This run is too crowded to show: ${peak.toLocaleString('en')} reads and writes start within one second, and the lab shows at most ${MAX_OPS_PER_SECOND} a second.`;
  const cost = costTo(scenario, until);
  const [over, limit] = cost.events > budget.events ? [cost.events, budget.events] : [cost.work, budget.work];
  const unit = cost.events > budget.events ? 'events' : 'steps';
  return `This run is too big to simulate here: ${heavyParts(scenario)}, up to ${clockTime(until)}, come to about ${thousands(over)} ${unit}, over the lab’s ${thousands(limit)}.`;
}

/** The button that opens the smaller run a notice offers. */
export function smallerRunLabel(smaller: Scenario, time: number): string {
  return `Open a smaller run: ${smaller.script.length.toLocaleString('en')} action${smaller.script.length === 1 ? '' : 's'}, at ${clockTime(time)}`;
}
