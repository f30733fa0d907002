import { useId, useMemo, useState } from 'react';
import { QUORUM_NOT_LINEARIZABLE } from '../../../content/spectrumStories.ts';
import { Simulation } from '../../../sim/simulation.ts';
import { useLabStoreApi } from '../../../store/LabStoreContext.tsx';

/** Mean time from a read's start to its answer, in ms, over the reads that succeeded. */
function meanReadMs(writeBack: boolean): number {
  const sim = new Simulation(QUORUM_NOT_LINEARIZABLE.scenario(writeBack));
  sim.runUntil(5000);
  const reads = sim.trace.ops.filter((o) => o.kind === 'read' && o.outcome === 'ok');
  return reads.reduce((s, o) => s + o.completedAt! - o.invokedAt, 0) / Math.max(1, reads.length);
}

/**
 * The story that every course gets wrong somewhere: strict quorums (W + R > N) are not
 * linearizable. Loaded into the lab's own cluster, so the map judges it like any run; the
 * fix (reads that write back) is a box to tick, and its price in read time is measured.
 */
export function StoryPanel() {
  const store = useLabStoreApi();
  const id = useId();
  const [writeBack, setWriteBack] = useState(false);
  const cost = useMemo(() => ({ plain: meanReadMs(false), fixed: meanReadMs(true) }), []);
  const story = QUORUM_NOT_LINEARIZABLE;
  return (
    <section className="panel story" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Story: {story.title}</h2>
      <p>{story.story}</p>
      <label className="check">
        <input type="checkbox" checked={writeBack} onChange={(e) => setWriteBack(e.target.checked)} /> Reads write back (each read makes sure W replicas hold what it returns before answering)
      </label>
      <p>
        <button
          type="button"
          onClick={() =>
            store.getState().load(story.scenario(writeBack), 0, {
              kind: 'info',
              text: writeBack ? 'Story loaded, with reads that write back. Press Play to watch it; the map gives its verdicts.' : 'Story loaded. Press Play to watch it; the map gives its verdicts.',
            })
          }
        >
          Load the story{writeBack ? ' with write-back' : ''}
        </button>
      </p>
      <p className="small">
        Measured in this story: reads took {cost.plain.toFixed(0)} ms on average without write-back and {cost.fixed.toFixed(0)} ms with it. The stale-read count
        (reads that missed a write acknowledged before they began) is zero either way: the write is acknowledged only after both reads have begun. In this lab a
        write-back goes to every replica of the key and the read waits for W of them; Cassandra’s blocking read repair does the same for quorum reads, and the
        ABD algorithm for shared registers is where the idea comes from.
      </p>
    </section>
  );
}
