/**
 * Learning events, shaped as xAPI statements without an actor: the lab knows nothing of
 * who the learner is, and the host (a course platform) adds that before it records one.
 * Posted to the host by the host API (hostBridge.ts) when the lab is embedded; nothing is
 * sent anywhere otherwise.
 *
 * xapi.ts makes the statements, in the host API's own chunk.
 */

/** What happened, as the lab tells it; `base` is the lab's address without a query, which activity ids start from. */
export type LearningEvent =
  | { readonly kind: 'answered'; readonly item: string; readonly title: string; readonly right: boolean; /** The share of its parts answered right, 0 to 1. */ readonly score: number }
  | { readonly kind: 'progressed' | 'completed'; readonly lab: string; readonly lesson: string; readonly title: string; readonly reached: number; readonly steps: number };

const sinks = new Set<(event: LearningEvent) => void>();

/** Tell whoever listens (the host API, when embedded) what the learner did. */
export function tellLearning(event: LearningEvent): void {
  for (const sink of sinks) sink(event);
}

export function onLearning(sink: (event: LearningEvent) => void): () => void {
  sinks.add(sink);
  return () => void sinks.delete(sink);
}
