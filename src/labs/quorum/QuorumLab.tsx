import '../../components/components.css';
import { BoardDisclosure } from '../../components/monitoring/BoardDisclosure.tsx';
import { IntroText } from '../../components/IntroText.tsx';
import { Suspense, lazy, useRef, useState } from 'react';
import { useLabPlayback } from '../../components/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../components/usePrefersReducedMotion.ts';
import { ClusterView } from '../../components/ClusterView.tsx';
import { MeasurementsPanel } from './ui/MeasurementsPanel.tsx';
import { Narrator } from '../../components/Narrator.tsx';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { StageControls } from '../../components/StageControls.tsx';
import { TimelineScrubber } from '../../components/TimelineScrubber.tsx';
import { STANDARD_WORKLOAD } from '../../sim/workload.ts';
import { OperationForm } from '../../components/OperationForm.tsx';
import { QuorumControls } from './ui/QuorumControls.tsx';
import { useDemoScenes } from './ui/demoScenes.ts';
import { currentSearch } from '../../embed/address.ts';
import { hasRunParam, readParams, type ValuesOf } from '../../embed/params.ts';
import { addressNotice } from '../../store/notices.ts';
import { openLinkedRun } from '../../controller/linkedRun.ts';
import { SLICED } from '../../controller/slices.ts';
import { QUORUM_SETTINGS } from '../../embed/quorumParams.ts';
import { MIN_REPLICAS } from '../../sim/ids.ts';
import { makeScenario } from '../../sim/scenario.ts';
import { createLabStore } from '../../store/labStore.ts';
import { LabStoreProvider } from '../../store/LabStoreContext.tsx';


/** Below the lab's own panels: loads just after the first screen. */
const SpectrumLink = lazy(() => import('../../components/SpectrumLink.tsx').then((m) => ({ default: m.SpectrumLink })));
export const QUORUM_ID = 'quorum';

/** Below the fold: the PBS panels, the matrix and the Monte Carlo's worker load just after the first screen. */
const PbsCurvePanel = lazy(() => import('./ui/PbsCurvePanel.tsx').then((m) => ({ default: m.PbsCurvePanel })));
const PbsClosedForm = lazy(() => import('./ui/PbsClosedForm.tsx').then((m) => ({ default: m.PbsClosedForm })));
/** The caption naming the ringed key, with the rule's words: just after the first screen. */
const RingCaption = lazy(() => import('./ui/RingCaption.tsx').then((m) => ({ default: m.RingCaption })));
const TradeoffMatrix = lazy(() => import('./ui/TradeoffMatrix.tsx').then((m) => ({ default: m.TradeoffMatrix })));

/** The lab's scenario for its settings. */
function quorumScenario({ n, w, r, seed }: ValuesOf<typeof QUORUM_SETTINGS>) {
  return makeScenario({
    seed,
    cluster: { replicas: Math.max(MIN_REPLICAS, n), n, w, r, clients: ['c1', 'c2', 'c3'] },
    // Latency that varies (exponential, mean 60 ms), as real networks do: with even
    // latency, replication nearly always beats the next read and staleness hides.
    network: { latency: { kind: 'exponential', rate: 1 / 60 } },
  });
}

/**
 * The lab's start: from ?n=&w=&r=&seed=, corrected where impossible; or from a shared run,
 * opened once its codec has loaded (until then, and if it cannot be used, the settings).
 */
function initialStore() {
  const search = currentSearch();
  const linked = hasRunParam(search);
  // Beside a run the settings are not read: the run holds what they would set.
  const { values, problems } = readParams(QUORUM_SETTINGS, linked ? '' : search);
  const store = createLabStore(quorumScenario(values), 0, SLICED);
  if (problems.length > 0) store.getState().setNotice(addressNotice(problems));
  openLinkedRun(
    search,
    () => import('../../embed/quorumLink.ts').then((m) => m.QUORUM_PARAMS),
    ({ values: all, problems: later, offers }) => {
      if (all.run) store.getState().load(all.run.scenario, all.run.time, addressNotice(later));
      else store.getState().load(quorumScenario(all), 0, addressNotice(later, offers.run));
    },
    (why) => store.getState().setNotice({ kind: 'error', text: why }),
  );
  return store;
}

/**
 * The quorum lab: tune N, W and R, run a workload, crash replicas, and see what
 * consistency, latency and availability each setting buys — measured, not told.
 */
export default function QuorumLab() {
  const [store] = useState(initialStore);
  const { playback, controller } = useLabPlayback(store, QUORUM_ID);
  useDemoScenes(store);
  const reducedMotion = usePrefersReducedMotion();
  const clusterRef = useRef<SVGSVGElement>(null);
  const play = () => {
    playback.send({ type: 'playback.setSpeed', speed: 4 });
    playback.send({ type: 'playback.play' });
  };

  return (
    <LabStoreProvider store={store} controller={controller}>
      <div className="lab quorum">
        <header className="lab-intro">
          <h1>Quorum lab</h1>
          <IntroText>
            Each key lives on N replicas; a write waits for W of them and a read for R. Choose N, W and R, run a workload, crash replicas, and read off what you bought:
            fresh reads, speed, or staying up.
          </IntroText>
        </header>
        <NoticeBar />
        <div className="lab-grid">
          <div className="controls">
            <QuorumControls />
            <MeasurementsPanel onStarted={play} />
          </div>
          <div className="stage">
            <StageControls playback={playback} />
            <div className="picture">
              <ClusterView ref={clusterRef} reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} showQuorums />
            </div>
            <TimelineScrubber playback={playback} />
            {/* Under the timeline, so the timeline sits right under the picture, as in every lab. */}
            <Suspense fallback={null}>
              <RingCaption />
            </Suspense>
          </div>
          <div className="side">
            <Narrator
              firstMove={`Nothing has happened yet. Press “Run a workload”: ${STANDARD_WORKLOAD.durationMs / 1000} s of reads and writes, measured as they finish.`}
            />
            <QuorumControls part="options" />
            <OperationForm onIssued={() => playback.send({ type: 'playback.play' })} />
            <Suspense fallback={null}>
              <SpectrumLink />
            </Suspense>
            <BoardDisclosure />
          </div>
        </div>
        <Suspense fallback={<p role="status">Loading the PBS panels and the trade-off matrix…</p>}>
          <div className="lab-footer-panels">
            <PbsClosedForm />
            <TradeoffMatrix />
          </div>
        </Suspense>
        <Suspense fallback={<p role="status">Loading the Monte Carlo panel…</p>}>
          <PbsCurvePanel />
        </Suspense>
      </div>
    </LabStoreProvider>
  );
}
