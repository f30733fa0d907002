import '../../components/components.css';
import { BoardDisclosure } from '../../components/monitoring/BoardDisclosure.tsx';
import { IntroText } from '../../components/IntroText.tsx';
import './consistency.css';
import { Suspense, lazy, useEffect, useState } from 'react';
import { ClusterView } from '../../components/ClusterView.tsx';
import { Narrator } from '../../components/Narrator.tsx';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { OperationForm } from '../../components/OperationForm.tsx';
import { StageControls } from '../../components/StageControls.tsx';
import { TimelineScrubber } from '../../components/TimelineScrubber.tsx';
import { useLabPlayback } from '../../components/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../components/usePrefersReducedMotion.ts';
import type { ModelId } from '../../check/models.ts';
import { storeWithLinkedRun } from '../../controller/linkedStore.ts';
import { SLICED } from '../../controller/slices.ts';
import { currentSearch } from '../../embed/address.ts';
import { makeScenario } from '../../sim/scenario.ts';
import { selectScenario } from '../../store/labStore.ts';
import { LabStoreProvider, useLab } from '../../store/LabStoreContext.tsx';
import type { JudgeResponse } from './model/judgeMessages.ts';
import { SpectrumMap } from './ui/SpectrumMap.tsx';
import { judge } from './ui/judge.ts';

export const CONSISTENCY_ID = 'consistency';

/** The words of each model and the side panels: they load just after the map. */
const ModelDetails = lazy(() => import('./ui/ModelDetails.tsx').then((m) => ({ default: m.ModelDetails })));
const WitnessSpaceTime = lazy(() => import('./ui/WitnessSpaceTime.tsx').then((m) => ({ default: m.WitnessSpaceTime })));
const FaultsPanel = lazy(() => import('../../components/FaultsPanel.tsx').then((m) => ({ default: m.FaultsPanel })));
/** Below the map, so they load just after the first screen. */
const ExampleRuns = lazy(() => import('./ui/ExampleRuns.tsx').then((m) => ({ default: m.ExampleRuns })));
const RunHistory = lazy(() => import('./ui/RunHistory.tsx').then((m) => ({ default: m.RunHistory })));
const StoryPanel = lazy(() => import('./ui/StoryPanel.tsx').then((m) => ({ default: m.StoryPanel })));
const ImportPanel = lazy(() => import('./ui/ImportPanel.tsx').then((m) => ({ default: m.ImportPanel })));

/** Three replicas, N = 3 and W = R = 2: quorums that overlap, and still not every model holds. */
export const CONSISTENCY_DEFAULT = makeScenario({ seed: 1, cluster: { replicas: 3, clients: ['c1', 'c2', 'c3'], n: 3, w: 2, r: 2 } });

function initialStore() {
  return storeWithLinkedRun(CONSISTENCY_DEFAULT, SLICED, currentSearch(), (n) => `Checking a run brought from another lab: ${n} action${n === 1 ? '' : 's'}. Its verdicts are on the map.`);
}

/** The run's verdicts, worked out again (in the background) whenever its script changes. */
function useRunJudgement(): JudgeResponse | null {
  const scenario = useLab(selectScenario);
  const [result, setResult] = useState<{ scenario: typeof scenario; response: JudgeResponse } | null>(null);
  useEffect(() => {
    let live = true;
    // A moment's pause, so a burst of clicks is judged once.
    const timer = setTimeout(() => {
      void judge({ kind: 'run', scenario }).then((response) => live && setResult({ scenario, response }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [scenario]);
  return result && result.scenario === scenario ? result.response : null;
}

/**
 * The consistency lab: the models from linearizable to eventual as a map, each judged on
 * the learner's own run (its cluster, operations and faults as in the playground), with
 * the operations that break a model named and marked; a story in which quorums that
 * overlap are still not linearizable; and histories from test tools checked the same way.
 */
export default function ConsistencyLab() {
  const [store] = useState(initialStore);
  const { playback, controller } = useLabPlayback(store, CONSISTENCY_ID);
  const reducedMotion = usePrefersReducedMotion();
  return (
    <LabStoreProvider store={store} controller={controller}>
      <div className="lab consistency">
        <header className="lab-intro">
          <h1>Consistency spectrum</h1>
          <IntroText>
            From linearizable, where a replicated store behaves like one copy, down to eventual, where replicas only promise to agree in the end. Make a run
            below, and the map says which promises it kept and which operations broke the others.
          </IntroText>
          <details>
            <summary>Try this first</summary>
            <ol>
              <li>Press “Write x=1”, then read x from another client through another replica. Look at the map: with W = R = 2 of N = 3, every model holds so far.</li>
              <li>Under “Story” below, load “W + R &gt; N, and still not linearizable”. Linearizable is marked broken; choose it to see the three operations that cannot be put in order.</li>
              <li>Tick “Reads write back” and load it again: the verdict flips, and the reads take longer.</li>
              <li>Choose Sequential on the map: below it, a run that keeps causal and breaks sequential. Replay it in the lab and change it.</li>
            </ol>
          </details>
        </header>
        <NoticeBar />
        <RunAndVerdicts playback={playback} reducedMotion={reducedMotion} />
        <Suspense fallback={<p role="status">Loading the story and the history checker…</p>}>
          <StoryPanel />
          <ImportPanel />
        </Suspense>
      </div>
    </LabStoreProvider>
  );
}

/**
 * The verdicts on the learner's run above its cluster: the model chosen on the map has its
 * witness marked on the diagram of operations and, with its messages, on the space-time
 * diagram below the cluster.
 */
function RunAndVerdicts({ playback, reducedMotion }: { readonly playback: ReturnType<typeof useLabPlayback>['playback']; readonly reducedMotion: boolean }) {
  const response = useRunJudgement();
  const [model, setModel] = useState<ModelId>('linearizable');
  return (
    <>
      <Verdicts response={response} model={model} setModel={setModel} />
      <div className="lab-grid">
        <div className="controls">
          <OperationForm onIssued={() => playback.send({ type: 'playback.play' })} />
        </div>
        <div className="stage">
          <StageControls playback={playback} />
          <div className="picture">
            <ClusterView reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} />
          </div>
          <TimelineScrubber playback={playback} />
          <Suspense fallback={null}>
            <WitnessSpaceTime judgement={response?.ok ? response.judgement : null} model={model} reducedMotion={reducedMotion} />
          </Suspense>
        </div>
        <div className="side">
          <Narrator firstMove="Nothing has happened yet. Write and read something, or load a story below, and the map above judges the run." />
          <BoardDisclosure />
          <Suspense fallback={null}>
            <FaultsPanel drawing={false} onToggleDrawing={() => undefined} />
          </Suspense>
        </div>
      </div>
    </>
  );
}

/** The map and the chosen model's details, for the learner's run. */
function Verdicts({ response, model, setModel }: { readonly response: JudgeResponse | null; readonly model: ModelId; readonly setModel: (m: ModelId) => void }) {
  const judgement = response?.ok ? response.judgement : null;
  const verdict = judgement?.verdicts[model] ?? null;
  return (
    <section className="panel spectrum" aria-labelledby="spectrum-title">
      <h2 id="spectrum-title">Your run against the spectrum</h2>
      {response && !response.ok && <p role="alert">The run could not be checked: {response.error}.</p>}
      <div className="spectrum-grid">
        <SpectrumMap verdicts={judgement?.verdicts ?? null} selected={model} onSelect={setModel} />
        <Suspense fallback={<p role="status">Loading what each model promises…</p>}>
          <ModelDetails
            model={model}
            verdict={verdict}
            history={judgement?.history ?? []}
            subject="your run"
            eventualDetail={judgement?.eventualDetail ?? null}
            causalConvergence={judgement?.causalConvergence ?? null}
          />
        </Suspense>
      </div>
      <Suspense fallback={null}>{judgement && <RunHistory history={judgement.history} model={model} verdict={verdict} />}</Suspense>
      <Suspense fallback={null}>
        <ExampleRuns model={model} />
      </Suspense>
    </section>
  );
}

