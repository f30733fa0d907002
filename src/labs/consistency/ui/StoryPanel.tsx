import { useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useScenes } from '../../../components/useScenes.ts';
import { selectScenario } from '../../../store/labStore.ts';
import { writeBackWaits } from '../../../analysis/writeBackWaits.ts';
import { QUORUM_NOT_LINEARIZABLE, writeBackWorkload } from '../../../content/spectrumStories.ts';
import { Simulation } from '../../../sim/simulation.ts';
import { useLabStoreApi } from '../../../store/LabStoreContext.tsx';

/** What write-back cost the reads of a busier workload (content/spectrumStories.ts), measured on its trace. */
function measuredCost() {
  const sim = new Simulation(writeBackWorkload(true));
  sim.runUntil(25_000);
  return writeBackWaits(sim.trace);
}

const STORY_SCENES = [
  { id: 'quorum-not-linearizable', title: QUORUM_NOT_LINEARIZABLE.title, writeBack: false },
  { id: 'quorum-write-back', title: 'The same story, with reads that write back', writeBack: true },
] as const;

/**
 * The story that every course gets wrong somewhere: strict quorums (W + R > N) are not
 * linearizable. Loaded into the lab's own cluster, so the map judges it like any run; the
 * fix (reads that write back) is a box to tick, and its price in read time is measured.
 */
export function StoryPanel() {
  const store = useLabStoreApi();
  const id = useId();
  const [writeBack, setWriteBack] = useState(false);
  const cost = useMemo(() => measuredCost(), []);
  const story = QUORUM_NOT_LINEARIZABLE;
  const load = (withWriteBack: boolean) =>
    store.getState().load(story.scenario(withWriteBack), 0, {
      kind: 'info',
      text: withWriteBack ? 'Story loaded, with reads that write back. Press Play to watch it; the map gives its verdicts.' : 'Story loaded. Press Play to watch it; the map gives its verdicts.',
    });
  // The story without and with the fix: the scenes a presenter's keys and a host's presets step through.
  const scenario = useStore(store, selectScenario);
  const current = useMemo(() => STORY_SCENES.findIndex((s) => JSON.stringify(story.scenario(s.writeBack)) === JSON.stringify(scenario)), [scenario, story]);
  useScenes('stories', STORY_SCENES, current, (i) => {
    setWriteBack(STORY_SCENES[i]!.writeBack);
    load(STORY_SCENES[i]!.writeBack);
  });
  return (
    <section className="panel story" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Story: {story.title}</h2>
      <p>{story.story}</p>
      <label className="check">
        <input type="checkbox" checked={writeBack} onChange={(e) => setWriteBack(e.target.checked)} /> Reads write back (each read makes sure W replicas hold what it returns before answering)
      </label>
      <p>
        <button type="button" onClick={() => load(writeBack)}>
          Load the story{writeBack ? ' with write-back' : ''}
        </button>
      </p>
      <p className="small">
        The stale-read count (reads that missed a write acknowledged before they began) is zero either way: the write is acknowledged only after both reads
        have begun. Write-back costs a read an extra round trip only when fewer than W replicas already hold what it returns: in this story the coordinator
        and one replica already do, so neither read waits. Measured on a busier run (20 operations a second on three keys, N = 3, W = R = 2): {cost.waited} of{' '}
        {cost.reads} reads waited for their write-back, {cost.meanWaitMs.toFixed(0)} ms on average. In this lab a write-back goes to every replica of the key and
        the read waits for W of them to hold the value. Cassandra’s blocking read repair (the default since 4.0) is similar: it writes the newest value back to
        the stale replicas it read from and waits for them, which Cassandra documents as monotonic quorum reads. The idea is the second phase of a read in the
        ABD algorithm, whose writes are ordered by timestamps; this lab takes those from clocks in step.
      </p>
    </section>
  );
}
