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
    (params) => {
      // Reading a long run (decoding, checking every action) and opening it (its first
      // slice of simulation) are each tens of milliseconds: in one task they came near or
      // over 50 ms, so the run opens in a task of its own.
      const reading = readParams(params, search);
      setTimeout(() => open(reading), 0);
    },
    () => failed('The run in this link could not be opened: part of the lab did not load. Reload the page to try again; the lab carries on with its defaults.'),
  );
}
