import type { ComponentType, LazyExoticComponent } from 'react';

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

export const labs: readonly LabEntry[] = [];

export function findLab(id: string | null): LabEntry | undefined {
  return labs.find((lab) => lab.id === id);
}
