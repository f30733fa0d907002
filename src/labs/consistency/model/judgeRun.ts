import { eventuallyConsistent } from '../../../analysis/eventual.ts';
import { historyFromRun } from '../../../check/fromTrace.ts';
import type { HistoryOp } from '../../../check/history.ts';
import { checkSpectrum, MODELS, type ModelId, type ModelVerdict } from '../../../check/spectrum.ts';
import type { Verdict } from '../../../check/verdict.ts';
import type { Scenario } from '../../../sim/scenario.ts';
import { Simulation } from '../../../sim/simulation.ts';

/** How long after a run's last action its operations are given to finish before it is judged. */
export const FINISH_MS = 5000;

/** A run judged against the map: its history, each model's verdict, and what could not be judged. */
export interface Judgement {
  readonly history: readonly HistoryOp[];
  readonly verdicts: Readonly<Record<ModelId, ModelVerdict>>;
  readonly causalConvergence: Verdict;
  /** Why eventual consistency could not be judged, or which replicas disagree, in words. */
  readonly eventualDetail: string | null;
  /** Where the history ends: the run's last action plus FINISH_MS. */
  readonly until: number;
}

/**
 * Judge a scenario's run: simulated to FINISH_MS after its last action (so every
 * operation has answered or timed out), its history checked against every model, and
 * eventual consistency judged by letting the run go on (analysis/eventual.ts). A run of a
 * value that is not a register (carts, counters) has no read/write history: every
 * client-side model is unknown, with the reason.
 */
export function judgeRun(scenario: Scenario): Judgement {
  const last = scenario.script.reduce((t, a) => Math.max(t, a.at), 0);
  const until = last + FINISH_MS;
  const sim = new Simulation(scenario);
  sim.runUntil(until);
  const eventual = eventuallyConsistent(scenario);
  const eventualDetail = eventual.result === 'violated' ? (eventual.detail ?? null) : eventual.result === 'unknown' ? eventual.reason : null;
  const history = historyFromRun(sim.trace.ops, scenario.cluster.strategy);
  if (!history) {
    const why: Verdict = { result: 'unknown', reason: `a ${scenario.cluster.strategy} value is changed by operations, not by reads and writes of a register, so these models do not apply` };
    const verdicts = Object.fromEntries(MODELS.map((m) => [m, m === 'eventual' ? eventual : why])) as Record<ModelId, ModelVerdict>;
    return { history: [], verdicts, causalConvergence: why, eventualDetail, until };
  }
  const { verdicts, causalConvergence } = checkSpectrum(history, eventual);
  return { history, verdicts, causalConvergence, eventualDetail, until };
}
