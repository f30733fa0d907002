import { atTime, galleryReducer, type GalleryAction, type GalleryState } from './galleryModel.ts';
import { holdNote } from './galleryNotes.ts';

/*
 * The gallery's script and what it plays out to, pure: galleryClock.ts (in ui/gallery)
 * keeps a script and a playhead and asks this file what the gallery is at a time.
 */

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

export interface Entry {
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
export function playOut(base: GalleryState, script: readonly GalleryStep[], flight: number): Entry[] {
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
export function lastAtOrBefore(entries: readonly Entry[], t: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

