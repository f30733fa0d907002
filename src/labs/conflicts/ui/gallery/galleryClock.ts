import type { PlaybackClock } from '../../../../machines/playbackMachine.ts';
import { stampTime } from '../../../../store/script.ts';
import type { GalleryKindId } from '../../model/gallery/galleryKinds.ts';
import { galleryReducer, initialGallery, type GalleryState } from '../../model/gallery/galleryModel.ts';
import { FLIGHT_MS, lastAtOrBefore, playOut, type Entry, type GalleryMoment, type GalleryScriptAction, type GalleryStep } from '../../model/gallery/galleryScript.ts';

export { FLIGHT_MS, HELD_AT, flightFraction, type Flight, type GalleryMoment, type GalleryScriptAction, type GalleryStep } from '../../model/gallery/galleryScript.ts';

export interface GalleryClock extends PlaybackClock {
  readonly kind: GalleryKindId;
  /** The learner's actions so far, in time order. */
  script(): readonly GalleryStep[];
  /**
   * Do something at the playhead. The action is stamped there (rounded up to a tenth of a
   * ms, as the lab's store does), anything scripted later is dropped (acting in the past
   * forks), and the playhead moves to the stamp.
   */
  act(action: GalleryScriptAction): void;
  /** The gallery at time t. */
  at(t: number): GalleryMoment;
  /** The gallery at the playhead: the same object until something happens. */
  now(): GalleryMoment;
  /** How long a message takes, in virtual ms. */
  flight(): number;
  setFlight(ms: number): void;
  /** The last time anything in the script happens (an action or a landing), or 0. */
  lastEventTime(): number;
}

/**
 * One data type's gallery as a clock the playback machine can move: a script of the
 * learner's actions and a playhead. The gallery at time t is a pure function of the
 * script: the actions stamped at or before t replayed through galleryReducer, with each
 * message landing when its flight is over. Playing the script out is remembered per
 * script and flight, so reading a moment is a binary search. Nothing here touches the
 * DOM or the real time; only the listeners are told when the playhead or script changes.
 */
export function createGalleryClock(kind: GalleryKindId, options: { readonly flight?: number } = {}): GalleryClock {
  let time = 0;
  let script: readonly GalleryStep[] = [];
  let flight = options.flight ?? FLIGHT_MS;
  let base = initialGallery(kind);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  let played: { script: readonly GalleryStep[]; flight: number; base: GalleryState; entries: Entry[]; empty: GalleryMoment } | null = null;
  const timeline = () => {
    if (!played || played.script !== script || played.flight !== flight || played.base !== base) {
      played = { script, flight, base, entries: playOut(base, script, flight), empty: { state: base, hold: false, flights: new Map() } };
    }
    return played;
  };

  const at = (t: number): GalleryMoment => {
    const { entries, empty } = timeline();
    const i = lastAtOrBefore(entries, t);
    return i < 0 ? empty : entries[i]!.moment;
  };

  return {
    kind,
    time: () => time,
    setTime(t) {
      const next = Number.isFinite(t) ? Math.max(0, t) : time;
      if (next === time) return;
      time = next;
      notify();
    },
    nextEventAfter(t) {
      const { entries } = timeline();
      const i = lastAtOrBefore(entries, t) + 1;
      return i < entries.length ? entries[i]!.at : Infinity;
    },
    reset() {
      script = [];
      time = 0;
      // The reducer's reset says what happened: "Started again: three empty replicas."
      base = galleryReducer(initialGallery(kind), { type: 'reset' });
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    script: () => script,
    act(action) {
      const stamp = stampTime(time);
      script = [...script.filter((s) => s.at <= stamp), { at: stamp, action }];
      time = stamp;
      notify();
    },
    at,
    now: () => at(time),
    flight: () => flight,
    setFlight(ms) {
      const next = Math.max(0, ms);
      if (next === flight) return;
      flight = next;
      notify();
    },
    lastEventTime() {
      const { entries } = timeline();
      return entries.length > 0 ? entries[entries.length - 1]!.at : 0;
    },
  };
}
