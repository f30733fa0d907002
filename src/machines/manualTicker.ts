import { fromCallback } from 'xstate';
import type { PlaybackEvent } from './playbackMachine.ts';

/** A frame at 60 Hz, in real ms. */
export const FRAME_MS = 1000 / 60;

/**
 * A ticker turned by hand, for tests and the headless lab: give it to the playback machine
 * (`playbackMachine.provide({ actors: { ticker: t.logic } })`) and call `tick` where the
 * browser would deliver an animation frame. The machine hears ticks only while it plays.
 */
export function manualTicker() {
  const listeners = new Set<(e: PlaybackEvent) => void>();
  const logic = fromCallback<PlaybackEvent>(({ sendBack }) => {
    listeners.add(sendBack);
    return () => listeners.delete(sendBack);
  });
  const tick = (dt: number) => {
    for (const send of listeners) send({ type: 'playback.tick', dt });
  };
  return {
    logic,
    tick,
    /** Real milliseconds pass, a frame at a time. */
    wait(realMs: number) {
      for (let left = realMs; left > 1e-9; left -= FRAME_MS) tick(Math.min(FRAME_MS, left));
    },
    /** Whether the machine is listening: it plays. */
    running: () => listeners.size > 0,
  };
}
