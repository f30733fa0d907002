import type { Scenario } from '../sim/scenario.ts';
import { createLabStore, type LabStore, type StoreOptions } from '../store/labStore.ts';
import { addressNotice } from '../store/notices.ts';
import { openLinkedRun } from './linkedRun.ts';

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
