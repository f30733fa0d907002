import { assertEvent, assign, fromCallback, setup } from 'xstate';
import type { LabStore } from '../store/labStore.ts';
import { nextEventAfter } from '../view/nextEvent.ts';

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

/**
 * The one clock of the lab: frames from the browser, turned into `playback.tick` events
 * with the real milliseconds since the last one. Tests provide a simulated ticker instead
 * (`playbackMachine.provide({ actors: { ticker } })`).
 */
export const animationFrameTicker = fromCallback<PlaybackEvent>(({ sendBack }) => {
  let last = performance.now();
  let id = requestAnimationFrame(function frame(now) {
    // A hidden tab gets no frames; do not leap ahead when it comes back.
    sendBack({ type: 'playback.tick', dt: Math.min(now - last, 100) });
    last = now;
    id = requestAnimationFrame(frame);
  });
  return () => cancelAnimationFrame(id);
});

/**
 * Play, pause, step, speed, seek, rewind and reset. The machine holds the mode; the
 * playhead itself lives in the clock (a lab's store), which every view reads.
 */
export const playbackMachine = setup({
  types: {
    context: {} as { clock: PlaybackClock; speed: number },
    /** A lab store, or any other clock. */
    input: {} as ({ store: LabStore } | { clock: PlaybackClock }) & { speed?: number },
    events: {} as PlaybackEvent,
  },
  actors: { ticker: animationFrameTicker },
  guards: {
    hasNextEvent: ({ context: { clock } }) => clock.nextEventAfter(clock.time()) < Infinity,
  },
  actions: {
    advance: ({ context, event }) => {
      assertEvent(event, 'playback.tick');
      const { clock } = context;
      if (clock.busy?.()) return;
      clock.setTime(clock.time() + event.dt * context.speed * VIRTUAL_MS_PER_REAL_MS);
    },
    stepToNext: ({ context: { clock } }) => {
      if (clock.busy?.()) return;
      const next = clock.nextEventAfter(clock.time());
      if (next < Infinity) clock.setTime(next);
    },
    seek: ({ context, event }) => {
      assertEvent(event, 'playback.seek');
      context.clock.setTime(event.time);
    },
    rewind: ({ context }) => context.clock.setTime(0),
    reset: ({ context }) => context.clock.reset(),
    setSpeed: assign({
      speed: ({ event, context }) => {
        assertEvent(event, 'playback.setSpeed');
        return (SPEEDS as readonly number[]).includes(event.speed) ? event.speed : context.speed;
      },
    }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({ clock: 'clock' in input ? input.clock : storeClock(input.store), speed: input.speed ?? 1 }),
  initial: 'paused',
  on: {
    'playback.setSpeed': { actions: 'setSpeed' },
  },
  states: {
    paused: {
      on: {
        'playback.play': 'playing',
        'playback.toggle': 'playing',
        'playback.step': { guard: 'hasNextEvent', actions: 'stepToNext' },
        'playback.seek': { actions: 'seek' },
        'playback.rewind': { actions: 'rewind' },
        'playback.reset': { actions: 'reset' },
      },
    },
    playing: {
      invoke: { src: 'ticker' },
      on: {
        'playback.pause': 'paused',
        'playback.toggle': 'paused',
        'playback.tick': { actions: 'advance' },
        'playback.step': { target: 'paused', actions: 'stepToNext' },
        'playback.seek': { target: 'paused', actions: 'seek' },
        'playback.rewind': { target: 'paused', actions: 'rewind' },
        'playback.reset': { target: 'paused', actions: 'reset' },
      },
    },
  },
});
