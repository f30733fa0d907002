import { useEffect, useMemo, useState } from 'react';
import { createLabController } from '../controller/labController.ts';
import { mountRun } from '../controller/stage.ts';
import type { LabStore } from '../store/labStore.ts';
import { lazyPlayback } from './playbackHandle.ts';
import { bindings } from './shortcutTable.ts';
import { useShortcuts } from './useShortcuts.ts';

/**
 * What every lab wires the same way: its playback machine on its store, the playback
 * shortcuts (shortcutTable.ts: k or Space play/pause, "." step, Shift+R reset), and its controller
 * (narration, the address kept equal to the run), started while the lab is mounted.
 * Pass the controller to LabStoreProvider.
 */
export function useLabPlayback(store: LabStore, labId: string, runInAddress = true) {
  // The machine (XState) loads just after the first screen; events sent before wait for it.
  const [playback] = useState(() => lazyPlayback(store));
  useEffect(() => {
    playback.start();
    return () => playback.stop();
  }, [playback]);
  // The address is written in a task of its own after a change (addressSync.ts).
  const [controller] = useState(() => createLabController(store, { labId, runInAddress, later: (write) => void setTimeout(write, 0) }));
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  // On the shell's stage while mounted: the host API and the presenter's keys reach the run there.
  useEffect(() => mountRun({ labId, playback, store, runInAddress }), [labId, playback, store, runInAddress]);
  const shortcuts = useMemo(
    () =>
      bindings({
        toggle: () => playback.send({ type: 'playback.toggle' }),
        step: () => playback.send({ type: 'playback.step' }),
        reset: () => playback.send({ type: 'playback.reset' }),
      }),
    [playback],
  );
  useShortcuts(shortcuts);
  return { playback, controller };
}
