import { useMemo } from 'react';
import { selectRun, selectRunVersion, selectTime } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';
import { clusterModel, type ClusterModel } from './clusterModel.ts';

/** The cluster at the playhead, recomputed when the playhead moves or the run grows. */
export function useClusterModel(): ClusterModel {
  const run = useLab(selectRun);
  const version = useLab(selectRunVersion);
  const time = useLab(selectTime);
  // The run is extended in place; `version` says when.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => clusterModel(run, time), [run, version, time]);
}
