import { createActor } from 'xstate';
import type { LabStore } from '../store/labStore.ts';
import { playbackMachine } from './playbackMachine.ts';

/** A lab's playback machine on its store, started: loaded just after the first screen (components/playbackHandle.ts). */
export function startPlayback(store: LabStore) {
  return createActor(playbackMachine, { input: { store } }).start();
}
