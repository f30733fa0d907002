import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useScenes } from '../../../components/useScenes.ts';
import { QUORUM_DEMOS, type QuorumDemo } from '../../../content/quorumDemos.ts';
import { selectScenario, type LabStore } from '../../../store/labStore.ts';

/** Load a demo on the run's seed, with a notice that says what to watch. */
export function loadDemo(store: LabStore, demo: QuorumDemo): void {
  const s = store.getState();
  s.load(demo.scenario(s.run.scenario.seed), 0, { kind: 'info', text: `${demo.title}. ${demo.story} Press Play.` });
}

/** The quorum lab's demos, as the scenes a presenter's keys and a host's presets step through; the one on show is the one the run still is. */
export function useDemoScenes(store: LabStore): void {
  const scenario = useStore(store, selectScenario);
  const current = useMemo(() => {
    const run = JSON.stringify(scenario);
    return QUORUM_DEMOS.findIndex((d) => JSON.stringify(d.scenario(scenario.seed)) === run);
  }, [scenario]);
  useScenes('demos', QUORUM_DEMOS, current, (i) => loadDemo(store, QUORUM_DEMOS[i]!));
}
