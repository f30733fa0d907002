import type { CostAsk, CostRequest, CostResponse } from '../model/costProtocol.ts';

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const listeners = new Map<number, (r: CostResponse) => void>();
/** What each listener asked, to ask again on this thread if the worker fails. */
const asked = new Map<number, CostRequest>();

/**
 * Ask the sessions worker; each answer (a verdict, or one row of costs at a time) reaches
 * `on`. Without workers, or if the worker cannot start, the same code runs on this thread,
 * pausing between rows so no task runs long. Returns a function that stops listening.
 */
export function ask(request: CostAsk, on: (r: CostResponse) => void): () => void {
  const id = nextId++;
  const req: CostRequest = { ...request, id };
  listeners.set(id, on);
  asked.set(id, req);
  const stop = () => {
    listeners.delete(id);
    asked.delete(id);
  };
  if (!broken && typeof Worker !== 'undefined') {
    if (!worker) {
      worker = new Worker(new URL('../costWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<CostResponse>) => listeners.get(e.data.id)?.(e.data);
      worker.onerror = () => {
        // Answer what is waiting here instead, and stop using the worker.
        broken = true;
        worker = null;
        for (const waiting of asked.values()) void here(waiting);
      };
    }
    worker.postMessage(req);
    return stop;
  }
  void here(req);
  return stop;
}

async function here(req: CostRequest): Promise<void> {
  const { answer } = await import('../model/costProtocol.ts');
  await answer(req, (r) => listeners.get(r.id)?.(r), () => new Promise((resolve) => setTimeout(resolve, 0)));
}
