import type { ModelId } from '../check/models.ts';

/** Each model's name, as the map and every sentence say it (the rest of what the lab says of it is in spectrumWords.ts). */
export const MODEL_NAMES: Record<ModelId, string> = {
  linearizable: 'Linearizable',
  sequential: 'Sequential',
  causal: 'Causal',
  pram: 'PRAM',
  'writes-follow-reads': 'Writes follow reads',
  'read-your-writes': 'Read your writes',
  'monotonic-reads': 'Monotonic reads',
  'monotonic-writes': 'Monotonic writes',
  eventual: 'Eventual',
};

/** How the map shows a verdict: a word and an icon beside the colour, never colour alone. */
export const VERDICT_WORDS = {
  satisfied: { icon: '✓', word: 'holds' },
  violated: { icon: '✗', word: 'broken' },
  unknown: { icon: '?', word: 'undecided' },
  pending: { icon: '…', word: 'checking' },
} as const;
