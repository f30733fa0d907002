/// <reference lib="webworker" />
import { answer, type CostRequest } from './model/costProtocol.ts';

/** The sessions lab's measurements off the main thread: each fix's workload run and its checkers. */
self.onmessage = (event: MessageEvent<CostRequest>) => {
  void answer(event.data, (r) => self.postMessage(r), () => Promise.resolve());
};
