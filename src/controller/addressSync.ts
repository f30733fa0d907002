import { encodeRun } from '../embed/urlCodec.ts';
import type { LabStore } from '../store/labStore.ts';

/** Where the lab keeps its address: the browser's, or a test's memory. */
export interface AddressPort {
  read(): string;
  replace(href: string): void;
}

export const browserAddress: AddressPort = {
  read: () => window.location.href,
  replace(href) {
    try {
      window.history.replaceState(window.history.state, '', href);
    } catch {
      // Some sandboxed frames refuse history changes; the lab works without them.
    }
  },
};

/** An address in memory, for tests: every replacement is kept. */
export function memoryAddress(href = 'https://lab.test/'): AddressPort & { readonly history: string[] } {
  const history = [href];
  return { history, read: () => history.at(-1)!, replace: (next) => void history.push(next) };
}

/** Parameters a run replaces: given on their own, they would only disagree with it. */
const SUPERSEDED = ['n', 'w', 'r', 'seed', 'story'];

/**
 * Keep the address's `run` parameter equal to the run, so reloading or bookmarking keeps
 * it. Only when the script changes: the playhead moves every frame and goes into the link
 * when the learner copies it. Returns the function that stops it.
 *
 * @example const stop = syncAddress(store, 'playground', memoryAddress()); … stop();
 */
export function syncAddress(store: LabStore, labId: string, address: AddressPort): () => void {
  let lastScenario = store.getState().run.scenario;
  return store.subscribe((s) => {
    if (s.run.scenario === lastScenario) return;
    lastScenario = s.run.scenario;
    const url = new URL(address.read());
    url.searchParams.set('lab', labId);
    url.searchParams.set('run', encodeRun({ scenario: s.run.scenario, time: s.time }));
    for (const name of SUPERSEDED) url.searchParams.delete(name);
    address.replace(url.href);
  });
}
