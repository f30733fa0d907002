import { useCallback } from 'react';
import { ClusterView } from '../../../components/ClusterView.tsx';
import type { NodeId } from '../../../sim/ids.ts';
import { selectRun } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { regionNote, roleNote } from '../model/leaderNotes.ts';
import { FIRST_LEADER } from '../model/replicationRuns.ts';

/** The run's picture, each replica's role under it: the leader and its term, an old leader not yet told, or its region. */
export function RolePicture({ reducedMotion }: { readonly reducedMotion: boolean }) {
  const run = useLab(selectRun);
  const topology = run.scenario.cluster.topology;
  const notes = useCallback(
    (id: NodeId, time: number) => (topology === 'multi-leader' ? regionNote(run.sim.ring, id) : roleNote(run.sim.trace, FIRST_LEADER, id, time)),
    [run, topology],
  );
  return <ClusterView reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} notes={topology === 'leaderless' ? undefined : notes} />;
}
