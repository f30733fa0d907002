import { useEffect, useRef, type Dispatch } from 'react';
import type { GalleryAction, GalleryMessage } from './galleryModel.ts';

/** How long a message takes from one replica to another on screen. */
export const FLIGHT_MS = 600;

/**
 * Deliver each message in flight after FLIGHT_MS, or at once when the learner asked for
 * less motion; hold them all while `hold` is on. The timers are view-only: the reducer
 * just sees a deliver action, as it would from a button.
 */
export function useDeliveries(inFlight: readonly GalleryMessage[], hold: boolean, reducedMotion: boolean, dispatch: Dispatch<GalleryAction>): void {
  const timers = useRef(new Map<number, number>());

  useEffect(() => {
    const pending = timers.current;
    const live = new Set(inFlight.map((m) => m.id));
    for (const [id, timer] of pending) {
      if (hold || !live.has(id)) {
        window.clearTimeout(timer);
        pending.delete(id);
      }
    }
    if (hold) return;
    for (const m of inFlight) {
      if (pending.has(m.id)) continue;
      const timer = window.setTimeout(
        () => {
          pending.delete(m.id);
          dispatch({ type: 'deliver', id: m.id });
        },
        reducedMotion ? 0 : FLIGHT_MS,
      );
      pending.set(m.id, timer);
    }
  }, [inFlight, hold, reducedMotion, dispatch]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, []);
}
