import '../../components/components.css';
import './replication.css';
import { Suspense, lazy, useId, useState } from 'react';
import { IntroText } from '../../components/IntroText.tsx';
import { Narrator } from '../../components/Narrator.tsx';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { StageControls } from '../../components/StageControls.tsx';
import { TimelineScrubber } from '../../components/TimelineScrubber.tsx';
import { useLabPlayback } from '../../components/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../components/usePrefersReducedMotion.ts';
import { useScenes } from '../../components/useScenes.ts';
import { currentSearch, rememberInAddress } from '../../embed/address.ts';
import { readParams } from '../../embed/params.ts';
import { createLabStore } from '../../store/labStore.ts';
import { LabStoreProvider } from '../../store/LabStoreContext.tsx';
import { REPLICATION_PARAMS } from './model/replicationParams.ts';
import { FAULTS, FAULT_NAMES, isSingleLeader, scenarioFor, SETUPS, SETUP_NAMES, type FaultId, type SetupId } from './model/replicationRuns.ts';
import { LeaderPanel } from './ui/LeaderPanel.tsx';
import { RolePicture } from './ui/RolePicture.tsx';

export const REPLICATION_ID = 'replication';

/** Below the picture, with a run per setup to simulate: loads just after the first screen. */
const ComparisonTable = lazy(() => import('./ui/ComparisonTable.tsx').then((m) => ({ default: m.ComparisonTable })));
const SetupNotes = lazy(() => import('./ui/Notes.tsx').then((m) => ({ default: m.SetupNotes })));
const FaultNotes = lazy(() => import('./ui/Notes.tsx').then((m) => ({ default: m.FaultNotes })));
const InThisLab = lazy(() => import('./ui/Notes.tsx').then((m) => ({ default: m.InThisLab })));
const SideBySide = lazy(() => import('./ui/SideBySide.tsx').then((m) => ({ default: m.SideBySide })));
const TwoLeaders = lazy(() => import('./ui/TwoLeaders.tsx').then((m) => ({ default: m.TwoLeaders })));
const AntiEntropy = lazy(() => import('./ui/AntiEntropy.tsx').then((m) => ({ default: m.AntiEntropy })));
const MonitoringBoard = lazy(() => import('../../components/monitoring/MonitoringBoard.tsx').then((m) => ({ default: m.MonitoringBoard })));

interface Choice {
  readonly setup: SetupId;
  /** A second setup drawn beside the stage's run, or none. */
  readonly compare: SetupId | 'none';
  readonly fault: FaultId;
  readonly followerReads: boolean;
}

const SCENES = SETUPS.map((setup) => ({ id: setup, title: SETUP_NAMES[setup], setup }));

function initial(): Choice & { problems: readonly string[] } {
  const { values, problems } = readParams(REPLICATION_PARAMS, currentSearch());
  return { setup: values.setup, compare: values.compare, fault: values.fault, followerReads: values.reads === 'any', problems };
}

/**
 * The replication lab: one workload and one fault schedule, replicated without a leader
 * or through one leader (asynchronous, semi-synchronous, synchronous). The run on stage
 * shows failover, terms and rollback; the table measures every setup on the same run.
 */
export default function ReplicationLab() {
  const [start] = useState(initial);
  const [choice, setChoice] = useState<Choice>(start);
  const [store] = useState(() => {
    const s = createLabStore(scenarioFor(start.setup, start.fault, start.followerReads));
    if (start.problems.length > 0) s.getState().setNotice({ kind: 'error', text: start.problems.join(' ') });
    return s;
  });
  const { playback, controller } = useLabPlayback(store, REPLICATION_ID, false);
  const reducedMotion = usePrefersReducedMotion();
  const choose = (next: Choice) => {
    setChoice(next);
    rememberInAddress(REPLICATION_PARAMS, { setup: next.setup, compare: next.compare, fault: next.fault, reads: next.followerReads ? 'any' : 'leader' });
    if (next.setup === choice.setup && next.fault === choice.fault && next.followerReads === choice.followerReads) return;
    const watch = playback.view().playing ? 'It plays from the start.' : 'Press Play to watch it.';
    store.getState().load(scenarioFor(next.setup, next.fault, next.followerReads), 0, { kind: 'info', text: `${SETUP_NAMES[next.setup]}, ${FAULT_NAMES[next.fault].toLowerCase()}. ${watch}` });
  };
  useScenes(
    'setups',
    SCENES,
    SETUPS.indexOf(choice.setup),
    (i) => choose({ ...choice, setup: SCENES[i]!.setup }),
  );
  return (
    <LabStoreProvider store={store} controller={controller}>
      <div className="lab replication">
        <header className="lab-intro">
          <h1>Replication: one leader, two or none, and what waiting costs</h1>
          <IntroText>
            Three replicas take the same writes and reads from two clients, with the same fault. Choose who takes writes and how long the client waits, play the run, and watch a follower promoted, an old leader
            step down, and acknowledged writes lost or kept. The table below runs every setup and measures them.
          </IntroText>
        </header>
        <NoticeBar />
        <div className="lab-grid">
          <div className="controls">
            <Pickers choice={choice} onChoose={choose} />
          </div>
          <div className="stage">
            <StageControls playback={playback} />
            <div className="picture">
              <RolePicture reducedMotion={reducedMotion} />
            </div>
            <TimelineScrubber playback={playback} />
          </div>
          <div className="side">
            {isSingleLeader(choice.setup) && <LeaderPanel />}
            <Suspense fallback={<p role="status">Loading the monitoring board…</p>}>
              <MonitoringBoard />
            </Suspense>
            <Narrator />
          </div>
        </div>
        {choice.compare !== 'none' && choice.compare !== choice.setup && (
          <Suspense fallback={<p role="status">Loading the second run…</p>}>
            <SideBySide setup={choice.setup} other={choice.compare} fault={choice.fault} followerReads={choice.followerReads} reducedMotion={reducedMotion} />
          </Suspense>
        )}
        <Suspense fallback={<p role="status">Measuring every setup…</p>}>
          <ComparisonTable fault={choice.fault} followerReads={choice.followerReads} current={choice.setup} onPick={(setup) => choose({ ...choice, setup })} />
        </Suspense>
        <Suspense fallback={<p role="status">Loading two leaders…</p>}>
          <TwoLeaders />
        </Suspense>
        <Suspense fallback={<p role="status">Loading anti-entropy…</p>}>
          <AntiEntropy />
        </Suspense>
        <Suspense fallback={null}>
          <InThisLab />
        </Suspense>
      </div>
    </LabStoreProvider>
  );
}

function Pickers({ choice, onChoose }: { readonly choice: Choice; readonly onChoose: (c: Choice) => void }) {
  const id = useId();
  return (
    <div className="panel pickers">
      <fieldset>
        <legend>Who takes writes, and when the client hears back</legend>
        {SETUPS.map((s) => (
          <label key={s} className="choice">
            <input type="radio" name={`${id}-setup`} checked={s === choice.setup} onChange={() => onChoose({ ...choice, setup: s })} /> {SETUP_NAMES[s]}
          </label>
        ))}
      </fieldset>
      <Suspense fallback={null}>
        <SetupNotes setup={choice.setup} />
      </Suspense>
      <fieldset disabled={!isSingleLeader(choice.setup)}>
        <legend>Reads go to</legend>
        <label className="choice">
          <input type="radio" name={`${id}-reads`} checked={!choice.followerReads} onChange={() => onChoose({ ...choice, followerReads: false })} /> the leader
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-reads`} checked={choice.followerReads} onChange={() => onChoose({ ...choice, followerReads: true })} /> whichever replica the client asks
        </label>
      </fieldset>
      <label className="compare-pick">
        Draw beside it{' '}
        <select value={choice.compare} onChange={(e) => onChoose({ ...choice, compare: e.target.value as SetupId | 'none' })}>
          <option value="none">nothing</option>
          {SETUPS.filter((s) => s !== choice.setup).map((s) => (
            <option key={s} value={s}>
              {SETUP_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Fault</legend>
        {FAULTS.map((f) => (
          <label key={f} className="choice">
            <input type="radio" name={`${id}-fault`} checked={f === choice.fault} onChange={() => onChoose({ ...choice, fault: f })} /> {FAULT_NAMES[f]}
          </label>
        ))}
      </fieldset>
      <Suspense fallback={null}>
        <FaultNotes fault={choice.fault} />
      </Suspense>
    </div>
  );
}
