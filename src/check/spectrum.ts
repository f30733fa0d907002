import { causalConsistency } from './causal.ts';
import type { HistoryOp } from './history.ts';
import { linearizable } from './linearizability.ts';
import { sequentiallyConsistent } from './sequential.ts';
import { bySession, sessionGuarantees } from './sessions.ts';
import { completeByImplication, type ModelId, type ModelVerdict } from './models.ts';
import type { Verdict } from './verdict.ts';

export { completeByImplication, IMPLIES, MODELS, type ModelId, type ModelVerdict } from './models.ts';

/** Every model's verdict on one history, and causal convergence beside causal consistency. */
export interface SpectrumVerdicts {
  readonly verdicts: Record<ModelId, ModelVerdict>;
  /** Causal convergence (causal consistency with one order of writes for everyone); not on the map. */
  readonly causalConvergence: Verdict;
  /** Decided verdicts that contradict an implication: a checker bug; always empty. */
  readonly contradictions: readonly [ModelId, ModelId][];
}

/**
 * Judge a history against every model of the map. Eventual consistency is about replicas,
 * which a client's history does not show: pass the run's own verdict (analysis/eventual.ts)
 * or it is unknown. Models a checker could not decide are filled from the implications.
 *
 * @example checkSpectrum(historyFromRun(ops, 'lww')!).verdicts.linearizable.result
 */
export function checkSpectrum(ops: readonly HistoryOp[], eventual: Verdict = { result: 'unknown', reason: 'a history of what clients saw does not show the replicas' }, options: { readonly witnesses?: boolean } = {}): SpectrumVerdicts {
  const witnesses = options.witnesses ?? true;
  const sessions = sessionGuarantees(ops);
  // Causality needs sessions that wait for each answer (sessions.ts).
  const causal = causalConsistency(bySession(ops));
  const pramParts = [sessions['read-your-writes'], sessions['monotonic-reads'], sessions['monotonic-writes']];
  const broken = pramParts.find((v) => v.result === 'violated');
  const pram: Verdict = broken ?? (pramParts.every((v) => v.result === 'satisfied') ? { result: 'satisfied' } : pramParts.find((v) => v.result === 'unknown')!);
  const decided: Record<ModelId, Verdict> = {
    linearizable: linearizable(ops, undefined, witnesses),
    sequential: sequentiallyConsistent(ops, undefined, witnesses),
    causal: causal.cc,
    pram,
    'writes-follow-reads': sessions['writes-follow-reads'],
    'read-your-writes': sessions['read-your-writes'],
    'monotonic-reads': sessions['monotonic-reads'],
    'monotonic-writes': sessions['monotonic-writes'],
    eventual,
  };
  const { verdicts, contradictions } = completeByImplication(decided);
  return { verdicts, causalConvergence: causal.ccv, contradictions };
}
