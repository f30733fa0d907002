/**
 * The quiz's questions as the quiz's first screen lists them: id (the address and the key
 * of the learner's progress), the module's number, a title, the part and learning outcomes.
 * The questions themselves, and the simulator their answers need, are in quiz.ts, which
 * loads just after that first screen.
 */
export interface QuizIndexEntry {
  readonly id: string;
  /** The module's question number (its newer edition's eight). */
  readonly n: number;
  readonly title: string;
  readonly part: number;
  readonly outcomes: readonly number[];
  /** The module's hands-on exercise, done in the lab, rather than one of its quiz questions. */
  readonly exercise?: true;
}

export const QUIZ_INDEX: readonly QuizIndexEntry[] = [
  { id: 'q1', n: 1, title: 'What eventual consistency promises', part: 1, outcomes: [1, 4] },
  { id: 'q2', n: 2, title: 'What version vectors tell apart', part: 3, outcomes: [2] },
  { id: 'q3', n: 3, title: 'Why a CRDT has no conflicts', part: 5, outcomes: [2] },
  { id: 'q4', n: 4, title: 'Eventual or strong?', part: 1, outcomes: [1, 4] },
  { id: 'q5', n: 5, title: 'W and R for five replicas', part: 2, outcomes: [1] },
  { id: 'q6', n: 6, title: 'The comment before its post', part: 4, outcomes: [3, 4] },
  { id: 'q7', n: 7, title: 'Two inserts at position 0', part: 5, outcomes: [2] },
  { id: 'q8', n: 8, title: 'A G-Counter by hand', part: 5, outcomes: [2] },
  { id: 'ex1', n: 1, title: 'Replication lag, strong and eventual', part: 2, outcomes: [1, 4], exercise: true },
  { id: 'ex2', n: 2, title: 'Which value won?', part: 3, outcomes: [2, 4], exercise: true },
  { id: 'ex3', n: 3, title: 'A like counter, designed', part: 5, outcomes: [2], exercise: true },
];
