import type { InspectionEvent } from 'xstate';

/**
 * Whether the learner stopped the gallery's clock on purpose. A send starts the clock, so
 * the dot flies as soon as the learner clicks; but after they pressed Pause or Step they
 * are looking at a moment, and a new message should wait there with the rest until they
 * press Play or Step. Play and Reset forget the pause; seeking and rewinding leave it as
 * it was (they stop a playing clock, but that is a side effect, not a request to hold).
 *
 * It watches the events the playback machine takes (through XState's `inspect` option),
 * because the playback bar sends them to the machine directly.
 */
export function createPauseMemory() {
  let onPurpose = false;
  return {
    observe(ev: InspectionEvent): void {
      if (ev.type !== '@xstate.snapshot' || ev.actorRef.sessionId !== ev.rootId) return;
      const playing = (ev.snapshot as { value?: unknown }).value === 'playing';
      switch (ev.event.type) {
        case 'playback.pause':
        case 'playback.step':
          onPurpose = true;
          break;
        case 'playback.toggle':
          onPurpose = !playing;
          break;
        case 'playback.play':
        case 'playback.reset':
          onPurpose = false;
          break;
      }
    },
    pausedOnPurpose: () => onPurpose,
  };
}

export type PauseMemory = ReturnType<typeof createPauseMemory>;
