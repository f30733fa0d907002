import type { LabStore } from '../store/labStore.ts';
import { nextEventAfter } from '../view/nextEvent.ts';

/*
 * What the playback machine moves and hears, without the machine: a page's first screen
 * draws its playback bar from these, and loads XState (playbackMachine.ts) just after
 * (components/playbackHandle.ts).
 */

/** At 1×, one real second shows this many virtual milliseconds: slow enough to watch a 50 ms hop. */
export const VIRTUAL_MS_PER_REAL_MS = 0.1;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export type PlaybackEvent =
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.toggle' }
  | { type: 'playback.step' }
  | { type: 'playback.tick'; dt: number }
  | { type: 'playback.seek'; time: number }
  | { type: 'playback.setSpeed'; speed: number }
  | { type: 'playback.rewind' }
  | { type: 'playback.reset' };

/**
 * What the machine moves: a playhead, and what it needs to know about the run under it.
 * A lab's store is one (storeClock); the gallery's script of learner actions is another.
 * Views read the time through `subscribe` and `time`.
 */
export interface PlaybackClock {
  time(): number;
  setTime(t: number): void;
  /** The first moment after `t` at which something happens, or Infinity. */
  nextEventAfter(t: number): number;
  /** Back to an empty run (the Reset button). */
  reset(): void;
  subscribe(listener: () => void): () => void;
  /** While true (a new run being simulated), ticks and steps wait: they would move a playhead that is about to be replaced. */
  busy?(): boolean;
}

/** A lab store as a clock: its playhead, its trace's next event, its reset. */
export function storeClock(store: LabStore): PlaybackClock {
  return {
    time: () => store.getState().time,
    setTime: (t) => store.getState().setTime(t),
    nextEventAfter: (t) => nextEventAfter(store.getState().run.sim.trace, t),
    reset: () => store.getState().reset(),
    subscribe: (listener) => store.subscribe(listener),
    busy: () => {
      const { pending, run } = store.getState();
      return pending !== null && pending.run !== run;
    },
  };
}

