import type { Order, VersionVector } from '../sim/values/versionVector.ts';
import { QUIZ_INDEX, type QuizIndexEntry } from './quizIndex.ts';
import type { FixId } from './sessionStories.ts';

/**
 * The kinds of quiz item and part (content/quiz.ts, content/exercises.ts): typed data the
 * quiz lab draws and grades (labs/quiz/model/grade.ts, labs/quiz/ui/QuizPartView.tsx).
 */

/** One choice of a `choice` part, with the sentence a learner who picks it reads. */
export interface Choice {
  readonly id: string;
  readonly label: string;
  /** Why it is right or wrong, in a sentence or two. */
  readonly feedback: string;
}

export type QuizPart =
  /** Pick one (or, with `many`, every one that applies); the answer is computed. */
  | { readonly kind: 'choice'; readonly id: string; readonly prompt: string; readonly choices: readonly Choice[]; readonly many?: boolean; readonly answer: () => readonly string[] }
  /** Predict what a read returns, then run it: the run is the answer. */
  | { readonly kind: 'predict'; readonly id: string; readonly prompt: string; readonly choices: readonly Choice[]; readonly run: () => string }
  /** Judge pairs of version vectors. */
  | { readonly kind: 'vectors'; readonly id: string; readonly prompt: string; readonly pairs: readonly (readonly [VersionVector, VersionVector])[] }
  /** Type numbers; each is computed. */
  | { readonly kind: 'numbers'; readonly id: string; readonly prompt: string; readonly fields: readonly { readonly label: string; readonly answer: () => number }[] }
  /** W and R for each of several goals, on N replicas; judged by the rule and shown measured. */
  | { readonly kind: 'quorum'; readonly id: string; readonly prompt: string; readonly n: number; readonly goals: readonly QuorumGoal[] }
  /** A level for each row of a table; each row's run shows what the weaker level does there. */
  | { readonly kind: 'rows'; readonly id: string; readonly prompt: string; readonly levels: readonly { readonly id: string; readonly label: string }[]; readonly rows: readonly TableRow[] }
  /** Pick a fix for a sessions story; the story runs with it and the checker decides. */
  | { readonly kind: 'fix'; readonly id: string; readonly prompt: string; readonly story: string; readonly fixes: readonly FixId[] };

export interface TableRow {
  readonly id: string;
  readonly label: string;
  /** The levels that fit (a judgement, argued in `feedback`); the run in `evidence` shows why. */
  readonly accept: readonly string[];
  /** For each level, why it fits this row or not. */
  readonly feedback: Readonly<Record<string, string>>;
  /** What a run shows for this row, in a sentence computed from the run. */
  readonly evidence: () => string;
}

export interface QuorumGoal {
  readonly id: string;
  /** How feedback names the goal: "(a)". */
  readonly tag: string;
  readonly label: string;
  /** Whether W and R meet the goal, and the sentence saying why not. */
  readonly judge: (w: number, r: number, n: number) => { readonly right: boolean; readonly why: string };
  /** The module's answer, for "show the answer". */
  readonly answer: (n: number) => { readonly w: number; readonly r: number };
}

export interface QuizItem extends QuizIndexEntry {
  /** The question, in our words. */
  readonly question: string;
  readonly parts: readonly QuizPart[];
  /** Said once it is answered right, or the answer is shown: the whole answer in a few sentences. */
  readonly explanation: string;
  /** Where in the lab to see it happen. */
  readonly tryIt?: { readonly label: string; readonly href: string };
  /** A demo drawn under the parts, to try other cases (labs/quiz/ui/). */
  readonly demo?: 'collab-text' | 'lag';
}

export const VECTOR_ORDER_WORDS: Readonly<Record<Order, string>> = {
  after: 'the first is newer',
  before: 'the second is newer',
  concurrent: 'concurrent: a conflict',
  equal: 'the same version',
};

/** An item's id, number, title, part and outcomes, from the quiz's index. */
export const indexEntry = (id: string): QuizIndexEntry => QUIZ_INDEX.find((q) => q.id === id)!;
