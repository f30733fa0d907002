import { causalConsistency } from './causal.ts';
import type { HistoryOp } from './history.ts';
import { linearizable } from './linearizability.ts';
import { sequentiallyConsistent } from './sequential.ts';
import { sessionGuarantees, splitSessions } from './sessions.ts';
import type { Verdict } from './verdict.ts';

/** The models the consistency lab judges a run against, strongest first. */
export const MODELS = ['linearizable', 'sequential', 'causal', 'pram', 'writes-follow-reads', 'read-your-writes', 'monotonic-reads', 'monotonic-writes', 'eventual'] as const;
export type ModelId = (typeof MODELS)[number];

/**
 * "x implies y": every history x allows, y allows too (Jepsen's map, after Bailis et al.
 * and Viotti and Vukolić). Causal is PRAM plus writes-follow-reads; PRAM is read-your-
 * writes, monotonic reads and monotonic writes together. Eventual consistency is about
 * replicas converging, not about what clients read, so no client-side model implies it
 * here (a linearizable store may still never converge its replicas, in principle).
 */
export const IMPLIES: readonly (readonly [ModelId, ModelId])[] = [
  ['linearizable', 'sequential'],
  ['sequential', 'causal'],
  ['causal', 'pram'],
  ['causal', 'writes-follow-reads'],
  ['pram', 'read-your-writes'],
  ['pram', 'monotonic-reads'],
  ['pram', 'monotonic-writes'],
];

/** A model's verdict, and whether it was worked out from another model's by an implication. */
export type ModelVerdict = Verdict & { readonly by?: ModelId };

/**
 * Fill what the checkers left undecided from the implications: a model implied by one
 * that holds holds too; a model that implies one that is broken is broken too (with the
 * broken one's witness). A verdict a checker did decide is never changed; if two decided
 * verdicts contradict an implication, that is a bug in a checker, and `contradictions`
 * lists them (the tests assert there are none).
 */
export function completeByImplication(verdicts: Readonly<Record<ModelId, Verdict>>): { verdicts: Record<ModelId, ModelVerdict>; contradictions: [ModelId, ModelId][] } {
  const out: Record<string, ModelVerdict> = { ...verdicts };
  const contradictions: [ModelId, ModelId][] = [];
  for (const [strong, weak] of IMPLIES) if (verdicts[strong].result === 'satisfied' && verdicts[weak].result === 'violated') contradictions.push([strong, weak]);
  // Repeat to a fixed point: implications chain.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [strong, weak] of IMPLIES) {
      const s = out[strong]!;
      const w = out[weak]!;
      if (s.result === 'satisfied' && w.result === 'unknown') {
        out[weak] = { result: 'satisfied', by: strong };
        changed = true;
      } else if (w.result === 'violated' && s.result === 'unknown') {
        out[strong] = { result: 'violated', witness: w.witness, by: weak };
        changed = true;
      }
    }
  }
  return { verdicts: out as Record<ModelId, ModelVerdict>, contradictions };
}

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
  const lanes = splitSessions(ops).flatMap((lane, i) => lane.map((o) => ({ ...o, process: `${o.process}\u0000${i}` })));
  const causal = causalConsistency(lanes);
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
