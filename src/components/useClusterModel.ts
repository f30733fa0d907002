import { useMemo } from 'react';
import { selectRun, selectRunVersion } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';
import { clusterModel, type ClusterModel } from './clusterModel.ts';
import { useThrottledTime } from './useThrottledTime.ts';

/**
 * The cluster at the playhead, for panels: refreshed about ten times a second while the
 * playhead moves (see useThrottledTime), and at once when the run changes.
 */
export function useClusterModel(): ClusterModel {
  const run = useLab(selectRun);
  const version = useLab(selectRunVersion);
  const time = useThrottledTime();
  // The run is extended in place; `version` says when.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => clusterModel(run, time), [run, version, time]);
}
