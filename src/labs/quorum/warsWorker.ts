/// <reference lib="webworker" />
import { summarise, type WarsRequest } from './model/warsProtocol.ts';

/** The PBS Monte Carlo off the main thread: 100,000 trials take a few hundred milliseconds. */
self.onmessage = (event: MessageEvent<WarsRequest>) => {
  self.postMessage(summarise(event.data, () => performance.now()));
};
