import type { Slicer, StoreOptions } from '../store/labStore.ts';

/**
 * A long simulation in slices, in the browser: one slice a task, each task queued behind
 * whatever the page has to do (input, a frame), so the page answers while a big run is
 * simulated. A MessageChannel message is a new task without setTimeout's 4 ms clamp.
 */
export const browserSlices: Slicer = (step) => {
  let stopped = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (stopped) return;
    if (step()) close();
    else channel.port2.postMessage(null);
  };
  const close = () => {
    stopped = true;
    channel.port1.onmessage = null;
    channel.port1.close();
    channel.port2.close();
  };
  channel.port2.postMessage(null);
  return close;
};

/** The store options every lab in the browser uses. */
export const SLICED: StoreOptions = { slices: browserSlices };
