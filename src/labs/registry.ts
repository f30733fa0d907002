import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The labs the shell can show. Each loads on demand, so an embedded lab downloads only
 * its own code. Adding a lab: make a folder in src/labs/, export its component, add an
 * entry here.
 */
export interface LabEntry {
  readonly id: string;
  readonly title: string;
  /** Its name in the banner's list of labs (named Labs): short, so eight fit one line at 1366 px. */
  readonly short: string;
  /** Made with React's lazy() here, at module level, so it is created once. */
  readonly Component: LazyExoticComponent<ComponentType>;
}

export const labs: readonly LabEntry[] = [
  {
    id: 'start',
    title: 'Course path',
    short: 'Course path',
    Component: lazy(() => import('./start/StartLab.tsx')),
  },
  {
    id: 'playground',
    title: 'Replica playground',
    short: 'Playground',
    Component: lazy(() => import('./playground/PlaygroundLab.tsx')),
  },
  {
    id: 'quorum',
    title: 'Quorum lab',
    short: 'Quorum',
    Component: lazy(() => import('./quorum/QuorumLab.tsx')),
  },
  {
    id: 'conflicts',
    title: 'Conflicts lab',
    short: 'Conflicts',
    Component: lazy(() => import('./conflicts/ConflictsLab.tsx')),
  },
  {
    id: 'consistency',
    title: 'Consistency spectrum',
    short: 'Spectrum',
    Component: lazy(() => import('./consistency/ConsistencyLab.tsx')),
  },
  {
    id: 'sessions',
    title: 'Sessions lab',
    short: 'Sessions',
    Component: lazy(() => import('./sessions/SessionsLab.tsx')),
  },
  {
    id: 'replication',
    title: 'Replication lab',
    short: 'Replication',
    Component: lazy(() => import('./replication/ReplicationLab.tsx')),
  },
  {
    id: 'quiz',
    title: 'Quiz',
    short: 'Quiz',
    Component: lazy(() => import('./quiz/QuizLab.tsx')),
  },
];

export function findLab(id: string | null): LabEntry | undefined {
  return labs.find((lab) => lab.id === id);
}
