import { useActorRef } from '@xstate/react';
import { useMemo } from 'react';
import { playbackMachine } from '../machines/playbackMachine.ts';
import type { LabStore } from '../store/labStore.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useUrlSync } from './useUrlSync.ts';

/**
 * What every lab wires the same way: its playback machine on its store, the playback
 * shortcuts (k or Space play/pause, "." step, Shift+R reset), and the address kept equal
 * to the run.
 */
export function useLabPlayback(store: LabStore, labId: string) {
  const playback = useActorRef(playbackMachine, { input: { store } });
  useUrlSync(store, labId);
  const shortcuts = useMemo(
    () => ({
      k: () => playback.send({ type: 'playback.toggle' }),
      ' ': () => playback.send({ type: 'playback.toggle' }),
      '.': () => playback.send({ type: 'playback.step' }),
      'Shift+R': () => playback.send({ type: 'playback.reset' }),
    }),
    [playback],
  );
  useShortcuts(shortcuts);
  return playback;
}
