import { useEffect } from 'react';
import { encodeRun } from '../embed/urlCodec.ts';
import type { LabStore } from '../store/labStore.ts';

/**
 * Keep the address bar's `run` parameter equal to the run, so reloading or bookmarking
 * keeps it. Only when the script changes: the playhead moves every frame and goes into
 * the link when the learner copies it.
 */
export function useUrlSync(store: LabStore, labId: string): void {
  useEffect(() => {
    let lastScenario = store.getState().run.scenario;
    const unsubscribe = store.subscribe((s) => {
      if (s.run.scenario === lastScenario) return;
      lastScenario = s.run.scenario;
      try {
        const url = new URL(window.location.href);
        url.searchParams.set('lab', labId);
        url.searchParams.set('run', encodeRun({ scenario: s.run.scenario, time: s.time }));
        // The run now says everything; settings given on their own would only disagree with it.
        for (const name of ['n', 'w', 'r', 'seed', 'story']) url.searchParams.delete(name);
        window.history.replaceState(window.history.state, '', url);
      } catch {
        // Some sandboxed frames refuse history changes; the lab works without them.
      }
    });
    return unsubscribe;
  }, [store, labId]);
}
