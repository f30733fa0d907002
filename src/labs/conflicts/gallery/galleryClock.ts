import type { PlaybackClock } from '../../../machines/playbackMachine.ts';
import { stampTime } from '../../../store/script.ts';
import type { GalleryKindId } from './galleryKinds.ts';
import { atTime, galleryReducer, initialGallery, type GalleryAction, type GalleryState } from './galleryModel.ts';
import { holdNote } from './galleryNotes.ts';

/**
 * How long a message takes from one replica to another, in virtual ms. At 1× the playback
 * machine shows 0.1 virtual ms per real ms (VIRTUAL_MS_PER_REAL_MS), so 60 virtual ms is
 * 0.6 real seconds: long enough to see the dot fly, short enough not to wait for it. At
 * other speeds it flies faster or slower with everything else.
 */
export const FLIGHT_MS = 60;

/** Where a held message waits: halfway between its replicas. */
export const HELD_AT = 0.5;

/**
 * What a learner can do in the gallery: the reducer's actions (all but reset, which is the
 * clock's own: it empties the script), and holding messages until they deliver or drop them.
 */
export type GalleryScriptAction = Exclude<GalleryAction, { type: 'reset' }> | { readonly type: 'hold'; readonly on: boolean };

/** One entry of the script: an action, stamped with the virtual time it was made at. */
export interface GalleryStep {
  readonly at: number;
  readonly action: GalleryScriptAction;
}

/**
 * How one message in flight moves. It left `departed` at fraction `start` of the way and
 * lands at `lands`; a held message (lands null) creeps to HELD_AT and waits there.
 */
export interface Flight {
  readonly id: number;
  readonly departed: number;
  readonly start: number;
  readonly lands: number | null;
}

/** The gallery at one moment: the cluster, whether messages are held, and how each message in flight moves. */
export interface GalleryMoment {
  readonly state: GalleryState;
  readonly hold: boolean;
  /** Every message in `state.inFlight`, by id. */
  readonly flights: ReadonlyMap<number, Flight>;
}

/** How far along its way a message is at time t, from 0 (at the sender) to 1 (arrived). */
export function flightFraction(flight: Flight, t: number, flightMs: number): number {
  if (flight.lands === null) {
    if (flightMs <= 0) return HELD_AT;
    return Math.min(HELD_AT, Math.max(flight.start, flight.start + (t - flight.departed) / flightMs));
  }
  if (flight.lands <= flight.departed) return 1;
  const f = flight.start + ((1 - flight.start) * (t - flight.departed)) / (flight.lands - flight.departed);
  return Math.min(1, Math.max(flight.start, f));
}

interface Entry {
  readonly at: number;
  readonly moment: GalleryMoment;
}

/**
 * The script played out: one moment after each action and each landing, in time order.
 * A message sent at s lands at s + flight, unless it was sent while messages were held;
 * then it waits for a deliver or drop, or for hold to be switched off, when it goes on
 * from where it waited. At equal times a landing comes before an action, so an action
 * made at the instant a message lands sees it landed (and with a flight of 0 a message
 * lands before the next action at the same paused instant).
 */
function playOut(base: GalleryState, script: readonly GalleryStep[], flight: number): Entry[] {
  let state = base;
  let hold = false;
  const flights = new Map<number, Flight>();
  const entries: Entry[] = [];
  const record = (at: number) => entries.push({ at, moment: { state, hold, flights: new Map(flights) } });

  const landUpTo = (limit: number) => {
    for (;;) {
      let next: Flight | undefined;
      for (const f of flights.values()) {
        if (f.lands === null || f.lands > limit) continue;
        if (!next || f.lands < next.lands! || (f.lands === next.lands && f.id < next.id)) next = f;
      }
      if (!next) return;
      flights.delete(next.id);
      state = galleryReducer(atTime(state, next.lands!), { type: 'deliver', id: next.id });
      record(next.lands!);
    }
  };

  for (const { at, action } of script) {
    landUpTo(at);
    if (action.type === 'hold') {
      let released = 0;
      if (hold && !action.on) {
        for (const f of flights.values()) {
          if (f.lands !== null) continue;
          const start = flightFraction(f, at, flight);
          flights.set(f.id, { id: f.id, departed: at, start, lands: at + flight * (1 - start) });
          released++;
        }
      }
      if (hold !== action.on) state = { ...atTime(state, at), note: holdNote(action.on, released) };
      hold = action.on;
    } else {
      const firstNew = state.nextMessage;
      state = galleryReducer(atTime(state, at), action);
      for (let id = firstNew; id < state.nextMessage; id++) flights.set(id, { id, departed: at, start: 0, lands: hold ? null : at + flight });
      if (action.type === 'deliver' || action.type === 'drop') flights.delete(action.id);
    }
    record(at);
  }
  landUpTo(Infinity);
  return entries;
}

/** The index of the last entry at or before t, or -1. */
function lastAtOrBefore(entries: readonly Entry[], t: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

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
