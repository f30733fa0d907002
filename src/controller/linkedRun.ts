import { hasRunParam, readParams, type Params, type Reading, type ValuesOf } from '../embed/params.ts';

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
