import { assertEvent, assign, fromCallback, setup } from 'xstate';
import type { LabStore } from '../store/labStore.ts';
import { SPEEDS, VIRTUAL_MS_PER_REAL_MS, storeClock, type PlaybackClock, type PlaybackEvent } from './playbackClock.ts';

export { SPEEDS, VIRTUAL_MS_PER_REAL_MS, storeClock, type PlaybackClock, type PlaybackEvent } from './playbackClock.ts';

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
