import { useEffect, useState } from 'react';
import { useLabStoreApi } from '../store/LabStoreContext.tsx';

/** How often panels that read the playhead refresh while it moves: ten times a second. */
export const PANEL_REFRESH_MS = 100;

/**
 * The playhead, for panels that need not change every frame (lists, tables, forms): it
 * follows the store through `store.subscribe` and hands React a new value at most every
 * `intervalMs`, always ending on the latest one. The picture and the diagram, which must
 * move smoothly, select the time directly instead.
 */
export function useThrottledTime(intervalMs = PANEL_REFRESH_MS): number {
  const store = useLabStoreApi();
  const [time, setTime] = useState(() => store.getState().time);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastPush = 0;
    const push = () => {
      timer = null;
      lastPush = performance.now();
      setTime(store.getState().time);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.time === prev.time && s.run === prev.run) return;
      if (timer !== null) return;
      const wait = Math.max(0, intervalMs - (performance.now() - lastPush));
      timer = setTimeout(push, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return time;
}
