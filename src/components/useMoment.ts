import { useMemo } from 'react';
import { selectRun } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';
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
  const time = useThrottledTime();
  return useMemo(() => run.at(time), [run, time]);
}
