/// <reference lib="webworker" />
import '../../sim/sessions/install.ts';
import type { JudgeRequest } from './model/judgeMessages.ts';
import { judgeHere } from './model/judgeHere.ts';

/**
 * The consistency checkers off the page's thread: a run (simulated to its end, then
 * judged) or a pasted history (parsed, then judged). Every search is bounded by its
 * budget, so every request is answered; the page stays free meanwhile.
 */
self.onmessage = (event: MessageEvent<JudgeRequest>) => {
  self.postMessage(judgeHere(event.data));
};
