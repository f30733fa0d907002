import { useEffect, useId, useState } from 'react';
import { createLabStore, type LabStore } from '../../../store/labStore.ts';
import { LabStoreProvider, useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import { RolePicture } from './RolePicture.tsx';
import { scenarioFor, SETUP_NAMES, type FaultId, type SetupId } from '../model/replicationRuns.ts';

interface Props {
  readonly setup: SetupId;
  readonly other: SetupId;
  readonly fault: FaultId;
  readonly followerReads: boolean;
  readonly reducedMotion: boolean;
}

/**
 * Two setups' runs of the same workload and faults, drawn side by side at the same moment:
 * the stage's run, and a second whose playhead follows the stage's timeline.
 */
export function SideBySide({ setup, other, fault, followerReads, reducedMotion }: Props) {
  const id = useId();
  const main = useLabStoreApi();
  const [second, setSecond] = useState<{ key: string; store: LabStore }>(() => ({ key: `${other}/${fault}/${followerReads}`, store: createLabStore(scenarioFor(other, fault, followerReads), main.getState().time) }));
  const key = `${other}/${fault}/${followerReads}`;
  if (second.key !== key) setSecond({ key, store: createLabStore(scenarioFor(other, fault, followerReads), main.getState().time) });
  const store = second.store;
  // The second run's playhead follows the stage's.
  useEffect(() => {
    store.getState().setTime(main.getState().time);
    return main.subscribe((s, prev) => {
      if (s.time !== prev.time) store.getState().setTime(s.time);
    });
  }, [main, store]);
  return (
    <section className="panel side-by-side" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>
        Side by side: {SETUP_NAMES[setup]} and {SETUP_NAMES[other]}
      </h2>
      <p>The same writes, reads and faults; both pictures follow the timeline above.</p>
      <div className="pair">
        <figure aria-label={SETUP_NAMES[setup]}>
          <figcaption>{SETUP_NAMES[setup]} (on stage)</figcaption>
          <div className="picture">
            <RolePicture reducedMotion={reducedMotion} />
          </div>
        </figure>
        <LabStoreProvider store={store}>
          <figure aria-label={SETUP_NAMES[other]}>
            <figcaption>{SETUP_NAMES[other]}</figcaption>
            <div className="picture">
            <RolePicture reducedMotion={reducedMotion} />
          </div>
          </figure>
        </LabStoreProvider>
      </div>
    </section>
  );
}
