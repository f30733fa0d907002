import '../../components/components.css';
import { BoardDisclosure } from '../../components/monitoring/BoardDisclosure.tsx';
import { IntroText } from '../../components/IntroText.tsx';
import { Suspense, lazy, useMemo, useRef, useState } from 'react';
import { useLabPlayback } from '../../components/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../components/usePrefersReducedMotion.ts';
import { ClusterView } from '../../components/ClusterView.tsx';
import { Inspector } from './ui/Inspector.tsx';
import { Narrator } from '../../components/Narrator.tsx';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { StageControls } from '../../components/StageControls.tsx';
import { TimelineScrubber } from '../../components/TimelineScrubber.tsx';
import { OperationForm } from '../../components/OperationForm.tsx';
import { OpsList } from './ui/OpsList.tsx';
import { ReplicaTable } from './ui/ReplicaTable.tsx';
import { currentSearch } from '../../embed/address.ts';
import { hasParam } from '../../embed/params.ts';
import { storeWithLinkedRun } from '../../controller/linkedStore.ts';
import { SLICED } from '../../controller/slices.ts';
import { makeScenario } from '../../sim/scenario.ts';
import { LabStoreProvider } from '../../store/LabStoreContext.tsx';


/** Below the lab's own panels: loads just after the first screen. */
const SpectrumLink = lazy(() => import('../../components/SpectrumLink.tsx').then((m) => ({ default: m.SpectrumLink })));
export const PLAYGROUND_ID = 'playground';

/** Below the picture, so it loads just after the first screen: the lab's largest view. */
const SpaceTimePanel = lazy(() => import('../../components/SpaceTimePanel.tsx').then((m) => ({ default: m.SpaceTimePanel })));
/** Below the inspector, and the settings below the table: they load just after the first screen. */
const FaultsPanel = lazy(() => import('../../components/FaultsPanel.tsx').then((m) => ({ default: m.FaultsPanel })));
const ClusterSettings = lazy(() => import('./ui/ClusterSettings.tsx').then((m) => ({ default: m.ClusterSettings })));
const SharePanel = lazy(() => import('./ui/SharePanel.tsx').then((m) => ({ default: m.SharePanel })));
/** A guided lesson over the lab (…&lesson=stale-read&step=2): loads only when the address asks for one. */
const LessonPanel = lazy(() => import('../../components/lesson/StoreLessonPanel.tsx').then((m) => ({ default: m.StoreLessonPanel })));

/**
 * The default cluster: three replicas, two clients, and W = R = 1, so a write returns as
 * soon as one replica has it and a read can be stale: the behaviour this lab is about.
 */
export const PLAYGROUND_DEFAULT = makeScenario({ seed: 1, cluster: { replicas: 3, clients: ['c1', 'c2'], n: 3, w: 1, r: 1 } });

function initialStore() {
  return storeWithLinkedRun(PLAYGROUND_DEFAULT, SLICED, currentSearch(), (n) => `Replaying a shared run: ${n} action${n === 1 ? '' : 's'}. Press Play, or drag the timeline.`);
}

/**
 * The replica playground: the cluster drawn live, faults at a click, a timeline to scrub,
 * and a link that replays the run.
 */
export default function PlaygroundLab() {
  const [store] = useState(initialStore);
  const [withLesson] = useState(() => hasParam(currentSearch(), 'lesson'));
  const { playback, controller } = useLabPlayback(store, PLAYGROUND_ID);
  const reducedMotion = usePrefersReducedMotion();
  const [drawing, setDrawing] = useState(false);
  const clusterRef = useRef<SVGSVGElement>(null);
  const spaceTimeRef = useRef<SVGSVGElement>(null);
  const diagrams = useMemo(
    () => [
      { name: 'cluster', ref: clusterRef },
      { name: 'space-time diagram', ref: spaceTimeRef },
    ],
    [],
  );

  return (
    <LabStoreProvider store={store} controller={controller}>
      <div className="lab playground">
        <header className="lab-intro">
          <h1>Replica playground</h1>
          <IntroText>
            Every key is kept on several replicas, and at first each write or read waits for just one of them. Write a value and watch it travel; cut a
            replica off and read through it; heal the network and watch the replicas agree again.
          </IntroText>
          <details hidden={withLesson}>
            <summary>Try this first</summary>
            <ol>
              <li>Press “Write x=1”. Watch the write reach the replicas and the acknowledgements come back.</li>
              <li>Under “Partition”, tick C and c2 and press “Split off the ticked nodes”: C and client c2 are now cut off from A, B and c1.</li>
              <li>Write x=2 from c1 through A. A and B get it; C cannot.</li>
              <li>Choose client c2, “Through: C”, and read x. C answers on its own (R=1) with the old 1: a stale read.</li>
              <li>Press “Heal everything” and let it play. Within a few seconds anti-entropy brings C up to date and the replicas agree.</li>
            </ol>
            <p>
              Or take it as <a href="?lab=playground&amp;lesson=stale-read&amp;step=1">a guided lesson</a> that checks each step against your run.
            </p>
            <p className="small">
              Keys: <kbd>k</kbd> or <kbd>Space</kbd> play and pause, <kbd>.</kbd> steps to the next event, <kbd>Shift</kbd>+<kbd>R</kbd> resets. They do nothing while you
              type in a field.
            </p>
          </details>
        </header>
        <NoticeBar />
        <div className="lab-grid">
          {/* First in the page's order, so the first tab stops are the controls a learner needs first. */}
          <div className="controls">
            {withLesson && (
              // Beside the picture and above the controls, so the task and its result stay in view while the learner acts.
              <Suspense fallback={<p role="status">Loading the lesson…</p>}>
                <LessonPanel lab="playground" />
              </Suspense>
            )}
            <OperationForm onIssued={() => playback.send({ type: 'playback.play' })} />
          </div>
          <div className="stage">
            <StageControls playback={playback} />
            <div className="picture">
              <ClusterView
                ref={clusterRef}
                reducedMotion={reducedMotion}
                drawingPartition={drawing}
                onPartitionDrawn={(groups) => {
                  setDrawing(false);
                  if (groups) store.getState().act({ type: 'partition', groups });
                  else store.getState().setNotice({ kind: 'info', text: 'That line did not split the nodes into two groups. Draw it across the picture, between nodes.' });
                }}
              />
            </div>
            <TimelineScrubber playback={playback} />
            <Suspense fallback={<p role="status">Loading the space-time diagram…</p>}>
              <SpaceTimePanel ref={spaceTimeRef} reducedMotion={reducedMotion} />
            </Suspense>
          </div>
          <div className="side">
            <Narrator firstMove="Nothing has happened yet. Start with “Write x=1”: watch the write travel to the replicas and the acknowledgements come back." />
            <Inspector />
            <Suspense fallback={<p role="status">Loading the fault controls…</p>}>
              <FaultsPanel drawing={drawing} onToggleDrawing={() => setDrawing((d) => !d)} />
            </Suspense>
            <OpsList />
            <Suspense fallback={null}>
              <SpectrumLink />
            </Suspense>
            <BoardDisclosure />
          </div>
        </div>
        <ReplicaTable />
        <Suspense fallback={<p role="status">Loading the settings and sharing panels…</p>}>
          <div className="lab-footer-panels">
            <ClusterSettings />
            <SharePanel labId={PLAYGROUND_ID} diagrams={diagrams} />
          </div>
        </Suspense>
      </div>
    </LabStoreProvider>
  );
}
