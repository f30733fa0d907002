import { hasRunParam, readParams, type Params, type Reading, type ValuesOf } from '../embed/params.ts';
import type { Scenario } from '../sim/scenario.ts';
import { createLabStore, type LabStore, type StoreOptions } from '../store/labStore.ts';
import { addressNotice } from '../store/notices.ts';

/**
 * A shared run in the address, opened once the lab is on screen: the run's codec and the
 * lab's whole declaration (`load`) arrive as their own chunk, then `open` gets the reading
 * as readParams gives it. Nothing happens when the address has no run.
 */
export function openLinkedRun<P extends Params>(search: string, load: () => Promise<P>, open: (reading: Reading<ValuesOf<P>>) => void, failed: (why: string) => void): void {
  if (!hasRunParam(search)) return;
  // A chunk can fail to load (offline, or a site redeployed under the page): say so, and carry on.
  load().then(
    (params) => open(readParams(params, search)),
    () => failed('The run in this link could not be opened: part of the lab did not load. Reload the page to try again; the lab carries on with its defaults.'),
  );
}

/**
 * A lab's store on its default scenario, that opens a shared run in the address once the
 * codec has loaded (for labs whose address is just `run`, as embed/playgroundParams.ts
 * declares it), saying what it opened with `said(actions)`, or why it could not.
 */
export function storeWithLinkedRun(defaults: Scenario, options: StoreOptions, search: string, said: (actions: number) => string): LabStore {
  const store = createLabStore(defaults, 0, options);
  openLinkedRun(
    search,
    () => import('../embed/playgroundParams.ts').then((m) => m.PLAYGROUND_PARAMS),
    ({ values: { run }, problems, offers }) => {
      if (!run) return store.getState().setNotice(addressNotice(problems, offers.run));
      store.getState().load(run.scenario, run.time, { kind: 'info', text: said(run.scenario.script.length) });
    },
    (why) => store.getState().setNotice({ kind: 'error', text: why }),
  );
  return store;
}
