import type { Verdict } from './verdict.ts';

/** The models the consistency lab judges a run against, strongest first. */
export const MODELS = ['linearizable', 'sequential', 'causal', 'pram', 'writes-follow-reads', 'read-your-writes', 'monotonic-reads', 'monotonic-writes', 'eventual'] as const;
export type ModelId = (typeof MODELS)[number];

/**
 * "x implies y": every history x allows, y allows too (Jepsen's map, after Bailis et al.
 * and Viotti and Vukolić). Causal implies PRAM and writes-follow-reads (Brzezinski et al.
 * showed that together they give causal, when each read returns one real write and
 * causality has no cycles); PRAM is read-your-writes, monotonic reads and monotonic writes
 * together. Eventual consistency is about
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
