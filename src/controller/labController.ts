import type { LabStore } from '../store/labStore.ts';
import { browserAddress, syncAddress, type AddressPort, type RunCodec } from './addressSync.ts';
import type { LostWriteWords } from './lostWords.ts';
import { createNarration, type Narration } from './narration.ts';

/**
 * A lab's side effects, in one framework-free object, as xyflow's XYPanZoom or tldraw's
 * Editor own theirs: the narration that follows the playhead, and the address kept equal
 * to the run. React binds to it (useLabController); a test drives it without React
 * (createTestLab). `start` and `stop` can be called again, as React's strict mode does.
 */
export interface LabController {
  readonly store: LabStore;
  readonly labId: string;
  readonly narration: Narration;
  start(): void;
  stop(): void;
}

export interface LabControllerOptions {
  readonly labId: string;
  readonly address?: AddressPort;
  readonly lostWriteWords?: LostWriteWords;
  readonly runCodec?: RunCodec;
  /** How the address is written after a change: at once (the default, for tests) or in a later task (the browser; see addressSync.ts). */
  readonly later?: (write: () => void) => void;
  /** False for a lab whose run follows from its own settings (the sessions lab's story and fix): the address keeps those, not the run. */
  readonly runInAddress?: boolean;
}

export function createLabController(store: LabStore, options: LabControllerOptions): LabController {
  // Without words given, the narration loads them when a write is first lost (lostWords.ts).
  const narration = createNarration(store, undefined, options.lostWriteWords ?? null);
  const address = options.address ?? browserAddress;
  let stopAddress: (() => void) | null = null;
  return {
    store,
    labId: options.labId,
    narration,
    start() {
      narration.start();
      if (options.runInAddress !== false) stopAddress ??= syncAddress(store, options.labId, address, options.runCodec, options.later);
    },
    stop() {
      narration.stop();
      stopAddress?.();
      stopAddress = null;
    },
  };
}
