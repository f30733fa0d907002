import type { AddressPort } from '../embed/address.ts';
import { writeAddress } from '../embed/params.ts';
import { RUN_LINK, RUN_SUPERSEDES } from '../embed/urlCodec.ts';
import type { LabStore } from '../store/labStore.ts';

export { browserAddress, memoryAddress, type AddressPort } from '../embed/address.ts';

/**
 * Keep the address's `run` parameter equal to the run, so reloading or bookmarking keeps
 * it. Only when the script changes: the playhead moves every frame and goes into the link
 * when the learner copies it. Written through the address module (embed/params.ts), which
 * drops the parameters the run replaces (RUN_SUPERSEDES) and keeps every other setting
 * (the gallery's, the like counter's, the vectors). Returns the function that stops it.
 *
 * @example const stop = syncAddress(store, 'playground', memoryAddress()); … stop();
 */
export function syncAddress(store: LabStore, labId: string, address: AddressPort): () => void {
  let lastScenario = store.getState().run.scenario;
  return store.subscribe((s) => {
    if (s.run.scenario === lastScenario) return;
    lastScenario = s.run.scenario;
    address.replace(writeAddress(address.read(), RUN_LINK, { lab: labId, run: { scenario: s.run.scenario, time: s.time } }, RUN_SUPERSEDES));
  });
}
