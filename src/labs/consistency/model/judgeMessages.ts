import type { Scenario } from '../../../sim/scenario.ts';
import type { Judgement } from './judgeRun.ts';

/** What the page asks the judging worker (judgeWorker.ts), and what it answers. */
export type JudgeRequest = { readonly id: number; readonly kind: 'run'; readonly scenario: Scenario } | { readonly id: number; readonly kind: 'history'; readonly text: string; readonly name: string };

export type JudgeResponse = { readonly id: number; readonly ok: true; readonly judgement: Judgement } | { readonly id: number; readonly ok: false; readonly error: string };
