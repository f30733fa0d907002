import { LESSONS, lessonHref } from './lessons.ts';

/**
 * The course path: the module's four learning outcomes and five parts, in our words, each
 * part with the activities that exercise it (guided lessons, labs, quiz questions). The
 * start page draws it; the quiz and the lessons point back to it. Data only.
 */

export interface Outcome {
  readonly n: number;
  /** In our words: what the learner can do after the module. */
  readonly text: string;
}

export const OUTCOMES: readonly Outcome[] = [
  { n: 1, text: 'Weigh what a service gains and loses by not coordinating its replicas on every operation (availability in a partition, and latency, against consistency), and argue for eventual or strong consistency for it.' },
  { n: 2, text: 'Choose how concurrent updates are detected and reconciled (last write wins, version vectors, CRDTs) to fit the data.' },
  { n: 3, text: 'Add read-your-writes and causal order on top of an eventually consistent store where users need them.' },
  { n: 4, text: 'Tell an anomaly that is only convergence delay from one that shows a design flaw.' },
];

export type ActivityKind = 'lesson' | 'lab' | 'quiz' | 'exercise';

export interface Activity {
  readonly kind: ActivityKind;
  /** A lesson's or quiz item's id (progress is kept by it); a lab's address otherwise. */
  readonly id: string;
  readonly label: string;
  readonly href: string;
  readonly outcomes: readonly number[];
}

export interface Part {
  readonly n: number;
  readonly title: string;
  readonly summary: string;
  readonly activities: readonly Activity[];
}

const lesson = (id: string): Activity => {
  const l = LESSONS.find((x) => x.id === id)!;
  return { kind: 'lesson', id, label: `Lesson: ${l.title}`, href: lessonHref(l), outcomes: l.outcomes };
};
const lab = (href: string, label: string, outcomes: readonly number[]): Activity => ({ kind: 'lab', id: href, label, href, outcomes });
const quiz = (id: string, label: string, outcomes: readonly number[]): Activity => ({ kind: 'quiz', id, label, href: `?lab=quiz&q=${id}`, outcomes });
const exercise = (id: string, label: string, outcomes: readonly number[]): Activity => ({ kind: 'exercise', id, label, href: `?lab=quiz&q=${id}`, outcomes });

export const PARTS: readonly Part[] = [
  {
    n: 1,
    title: 'What eventual consistency is',
    summary: 'Replicas that accept writes without waiting for each other, disagree for a while, and agree once writes stop and faults heal: what that promises, what it does not, and where it sits among the stronger models.',
    activities: [
      lesson('stale-read'),
      lab('?lab=playground', 'The replica playground: cut, crash, read, heal', [1, 4]),
      lab('?lab=consistency', 'The consistency spectrum: judge a run against each model', [4]),
      quiz('q1', 'Question 1: what does eventual consistency promise?', [1, 4]),
      quiz('q4', 'Question 4: eventual or strong?', [1, 4]),
    ],
  },
  {
    n: 2,
    title: 'Replication and quorums',
    summary: 'Synchronous or asynchronous copies, one leader or none, and N, W and R: what each setting buys in consistency, latency and availability.',
    activities: [
      lesson('quorum'),
      lab('?lab=quorum', 'The quorum lab: tune N, W and R and measure them', [1]),
      quiz('q5', 'Question 5: W and R for five replicas', [1]),
      exercise('ex1', 'Hands-on, part 1: replication lag, strong and eventual', [1, 4]),
    ],
  },
  {
    n: 3,
    title: 'Conflicts and how to settle them',
    summary: 'Two writes that did not see each other: last write wins (and what it throws away), version vectors that notice, and merges that keep both.',
    activities: [
      lesson('lww'),
      lab('?lab=conflicts', 'The conflicts lab: one cart kept three ways', [2]),
      quiz('q2', 'Question 2: what version vectors tell apart', [2]),
      exercise('ex2', 'Hands-on, part 2: which value won?', [2, 4]),
    ],
  },
  {
    n: 4,
    title: 'Guarantees users notice',
    summary: 'Seeing your own writes, never going back in time, and effects after their causes, built on top of a store that promises none of them.',
    activities: [
      lesson('own-write'),
      lab('?lab=sessions&story=own-write', 'The sessions lab: where is my update?', [3]),
      lab('?lab=sessions&story=count-down', 'The sessions lab: the count went down', [3, 4]),
      lab('?lab=sessions&story=comment-first', 'The sessions lab: a comment before its post', [3]),
      quiz('q6', 'Question 6: the comment before its post', [3, 4]),
    ],
  },
  {
    n: 5,
    title: 'Data types that cannot conflict',
    summary: 'CRDTs: states that merge the same way in any order, so replicas agree without asking anyone.',
    activities: [
      lesson('merge-order'),
      lab('?lab=conflicts&crdt=g-counter', 'The CRDT gallery: counters, sets and registers', [2]),
      quiz('q3', 'Question 3: why a CRDT has no conflicts', [2]),
      quiz('q7', 'Question 7: two inserts at position 0', [2]),
      quiz('q8', 'Question 8: a G-Counter by hand', [2]),
      exercise('ex3', 'Hands-on, part 3: a like counter, designed', [2]),
    ],
  },
];

/** Every activity on the path, in order. */
export const ACTIVITIES: readonly Activity[] = PARTS.flatMap((p) => p.activities);

/** What follows a lesson on the path, for its last step to point at: not the lab the lesson already runs in. */
export function nextAfterLesson(id: string): Activity | undefined {
  const i = ACTIVITIES.findIndex((a) => a.kind === 'lesson' && a.id === id);
  const lab = LESSONS.find((l) => l.id === id)?.lab;
  return i < 0 ? undefined : ACTIVITIES.slice(i + 1).find((a) => !a.href.startsWith(`?lab=${lab}`));
}
