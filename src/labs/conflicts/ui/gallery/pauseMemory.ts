import type { ActorRefFrom, InspectionEvent } from 'xstate';
import type { PlaybackClock, playbackMachine } from '../../../../machines/playbackMachine.ts';

/**
 * Whether the learner stopped the gallery's clock on purpose, and whether the clock is
 * playing only because an action started it. A send starts the clock, so the dot flies as
 * soon as the learner clicks; once every message has landed the clock stops again by
 * itself, so a gallery left alone does not run (and redraw) for ever. But after the learner
 * pressed Pause or Step they are looking at a moment, and a new message should wait there
 * with the rest until they press Play or Step; and a clock they started themselves keeps
 * running (on the LWW tab, letting true time pass is the point). Play and Reset forget the
 * pause; seeking and rewinding leave it as it was (they stop a playing clock, but that is a
 * side effect, not a request to hold).
 *
 * It watches the events the playback machine takes (through XState's `inspect` option),
 * because the playback bar sends them to the machine directly.
 */
export function createPauseMemory() {
  let onPurpose = false;
  let startedByAction = false;
  // The pause stopWhenDone sends is the clock's, not the learner's. The machine may take it
  // only after the tick that caused it, so it is recognised when it arrives.
  let stopping = false;
  return {
    observe(ev: InspectionEvent): void {
      if (ev.type !== '@xstate.snapshot' || ev.actorRef.sessionId !== ev.rootId) return;
      const playing = (ev.snapshot as { value?: unknown }).value === 'playing';
      switch (ev.event.type) {
        case 'playback.pause':
          onPurpose = !stopping;
          stopping = false;
          startedByAction = false;
          break;
        case 'playback.step':
          onPurpose = true;
          startedByAction = false;
          break;
        case 'playback.toggle':
          onPurpose = !playing;
          startedByAction = false;
          break;
        case 'playback.play':
          onPurpose = false;
          break;
        case 'playback.reset':
        case 'playback.seek':
        case 'playback.rewind':
          if (ev.event.type === 'playback.reset') onPurpose = false;
          startedByAction = false;
          break;
      }
    },
    pausedOnPurpose: () => onPurpose,
    /** Call after an action sent `playback.play`: the clock may stop itself once nothing is left to happen. */
    startedByAction() {
      startedByAction = true;
    },
    /** Whether a playing clock started by an action, with nothing left to happen, should stop now. */
    shouldStop: (nothingLeft: boolean) => startedByAction && nothingLeft,
    /** Call just before the clock stops itself: the pause about to arrive is not the learner's. */
    stopping() {
      stopping = true;
      startedByAction = false;
    },
  };
}

export type PauseMemory = ReturnType<typeof createPauseMemory>;

/**
 * Stop a clock an action started once nothing is left to happen on it; returns the
 * unsubscribe. React binds it while the gallery is shown (GalleryCluster).
 */
export function stopWhenDone(clock: PlaybackClock, playback: ActorRefFrom<typeof playbackMachine>, pauses: PauseMemory): () => void {
  return clock.subscribe(() => {
    if (!playback.getSnapshot().matches('playing') || !pauses.shouldStop(clock.nextEventAfter(clock.time()) === Infinity)) return;
    pauses.stopping();
    playback.send({ type: 'playback.pause' });
  });
}
