import { useMemo } from 'react';
import { selectRun } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';
import { readyAt } from '../store/run.ts';
import type { RunMoment } from '../store/moment.ts';
import { useThrottledTime } from './useThrottledTime.ts';

/**
 * The cluster at the playhead, for panels: the run's moment (`run.at(t)`), refreshed about
 * ten times a second while the playhead moves (see useThrottledTime), and at once when the
 * run changes. The one way views read the moment; the picture and the diagram, which move
 * every frame, ask `run.at(time)` themselves.
 */
export function useMoment(): RunMoment {
  const run = useLab(selectRun);
  const store = useLabStoreApi();
  const time = useThrottledTime();
  // Just after the run changes, the throttled time can still be the old run's: ask the
  // new run only for a time it has been simulated to (the store's playhead always is).
  return useMemo(() => run.at(readyAt(run, time) ? time : store.getState().time), [run, time, store]);
}
