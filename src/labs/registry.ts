import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The labs the shell can show. Each loads on demand, so an embedded lab downloads only
 * its own code. Adding a lab: make a folder in src/labs/, export its component, add an
 * entry here.
 */
export interface LabEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** Made with React's lazy() here, at module level, so it is created once. */
  readonly Component: LazyExoticComponent<ComponentType>;
}

export const labs: readonly LabEntry[] = [
  {
    id: 'start',
    title: 'Course path',
    summary: 'The module’s outcomes and five parts, each with lessons, labs and quiz questions, and how far you have got.',
    Component: lazy(() => import('./start/StartLab.tsx')),
  },
  {
    id: 'playground',
    title: 'Replica playground',
    summary: 'Write, read, cut links and crash replicas; watch stale reads and convergence.',
    Component: lazy(() => import('./playground/PlaygroundLab.tsx')),
  },
  {
    id: 'quorum',
    title: 'Quorum lab',
    summary: 'Tune N, W and R and measure the consistency, latency and availability each buys.',
    Component: lazy(() => import('./quorum/QuorumLab.tsx')),
  },
  {
    id: 'conflicts',
    title: 'Conflicts lab',
    summary: 'The same cart kept by last write wins, by siblings and by an OR-Set; version vectors and CRDTs up close.',
    Component: lazy(() => import('./conflicts/ConflictsLab.tsx')),
  },
  {
    id: 'consistency',
    title: 'Consistency spectrum',
    summary: 'Linearizable to eventual: which promises your run kept, and the operations that broke the others.',
    Component: lazy(() => import('./consistency/ConsistencyLab.tsx')),
  },
  {
    id: 'sessions',
    title: 'Sessions lab',
    summary: 'Your own update missing, a count going down, a comment before its post: each fix, its verdict and its cost.',
    Component: lazy(() => import('./sessions/SessionsLab.tsx')),
  },
  {
    id: 'quiz',
    title: 'Quiz',
    summary: 'The module’s questions, each answered by predicting and then running the simulation.',
    Component: lazy(() => import('./quiz/QuizLab.tsx')),
  },
];

export function findLab(id: string | null): LabEntry | undefined {
  return labs.find((lab) => lab.id === id);
}
