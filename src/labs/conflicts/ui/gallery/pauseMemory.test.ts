import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FRAME_MS, manualTicker } from '../../../../machines/manualTicker.ts';
import { playbackMachine } from '../../../../machines/playbackMachine.ts';
import { createGalleryClock } from './galleryClock.ts';
import { createPauseMemory, stopWhenDone } from './pauseMemory.ts';

/** The gallery's clock, machine and pause memory, bound as GalleryCluster binds them, on a hand-turned ticker. */
function bound() {
  const clock = createGalleryClock('g-set');
  const ticker = manualTicker();
  const pauses = createPauseMemory();
  const playback = createActor(playbackMachine.provide({ actors: { ticker: ticker.logic } }), { input: { clock }, inspect: pauses.observe }).start();
  const unbind = stopWhenDone(clock, playback, pauses);
  const frames = (n: number) => {
    ticker.wait(n * FRAME_MS);
  };
  /** As GalleryCluster's act does: act, then start the clock unless paused on purpose. */
  const send = () => {
    clock.act({ type: 'send', from: 'A', to: 'B' });
    if (!pauses.pausedOnPurpose()) {
      playback.send({ type: 'playback.play' });
      pauses.startedByAction();
    }
  };
  const playing = () => playback.getSnapshot().matches('playing');
  return { clock, playback, pauses, frames, send, playing, unbind };
}

describe('a gallery clock an action started', () => {
  it('stops by itself once the message has landed, and starts again for the next', () => {
    const lab = bound();
    lab.send();
    expect(lab.playing()).toBe(true);
    lab.frames(60);
    expect(lab.playing()).toBe(false);
    expect(lab.clock.at(lab.clock.time()).state.inFlight).toEqual([]);
    expect(lab.pauses.pausedOnPurpose()).toBe(false);
    lab.send();
    expect(lab.playing()).toBe(true);
    lab.unbind();
  });

  it('keeps running when the learner pressed Play themselves, as the LWW tab needs to let time pass', () => {
    const lab = bound();
    lab.playback.send({ type: 'playback.toggle' });
    lab.frames(120);
    expect(lab.playing()).toBe(true);
    lab.unbind();
  });
});
