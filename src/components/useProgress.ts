import { useSyncExternalStore } from 'react';
import { progress, type ProgressState } from '../store/progress.ts';

/** The learner's progress (store/progress.ts), re-rendering when it changes. */
export function useProgress(): ProgressState {
  const p = progress();
  return useSyncExternalStore(p.subscribe, p.get);
}
