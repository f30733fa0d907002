import type { Scenario } from '../../../sim/scenario.ts';
import type { JudgeRequest, JudgeResponse } from '../model/judgeMessages.ts';

export type JudgeInput = { readonly kind: 'run'; readonly scenario: Scenario } | { readonly kind: 'history'; readonly text: string; readonly name: string };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (r: JudgeResponse) => void>();

/** Judge on this thread, where workers are not to be had: the checkers load only then. */
async function here(input: JudgeInput, id: number): Promise<JudgeResponse> {
  const { judgeHere } = await import('../model/judgeHere.ts');
  return judgeHere(input.kind === 'run' ? { id, kind: 'run', scenario: input.scenario } : { id, kind: 'history', text: input.text, name: input.name });
}

/**
 * Judge a run or a history in the judging worker, one worker for the page, answers matched
 * to requests by id. Without worker support, on this thread.
 */
export function judge(input: JudgeInput): Promise<JudgeResponse> {
  const id = nextId++;
  if (typeof Worker === 'undefined') return here(input, id);
  if (!worker) {
    worker = new Worker(new URL('../judgeWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<JudgeResponse>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      // The worker could not start: answer what waits on this thread, and stop using it.
      worker = null;
      for (const [wid, done] of waiting) done({ id: wid, ok: false, error: 'the checker could not start in the background' });
      waiting.clear();
    };
  }
  const request: JudgeRequest = input.kind === 'run' ? { id, kind: 'run', scenario: input.scenario } : { id, kind: 'history', text: input.text, name: input.name };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage(request);
  });
}
