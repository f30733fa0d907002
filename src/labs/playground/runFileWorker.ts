/// <reference lib="webworker" />
import { validateScenario } from '../../sim/scenarioSchema.ts';

/**
 * A run file read off the main thread: parsing and checking a file of thousands of
 * actions took a tenth of a second, long enough to hold the page. Answers with the
 * checked scenario, or the schema's sentence for what is wrong.
 */
self.onmessage = (event: MessageEvent<string>) => {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    self.postMessage({ ok: false, error: null });
    return;
  }
  self.postMessage(validateScenario(data));
};
