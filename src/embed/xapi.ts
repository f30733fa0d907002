import type { LearningEvent } from './learning.ts';

/*
 * Learning events as xAPI statements, without an actor. Verbs are ADL's: answered (a quiz
 * item), progressed (a lesson step reached), completed (every step of a lesson reached).
 * `result.extensions` carries cmi5's progress (0–100).
 */

const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;
export const CMI5_PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const ACTIVITY_TYPES = {
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
} as const;

export interface LearningStatement {
  readonly verb: { readonly id: string; readonly display: { readonly 'en-US': string } };
  readonly object: {
    readonly objectType: 'Activity';
    /** An IRI: the lab's own address for the question or lesson. */
    readonly id: string;
    readonly definition: { readonly type: string; readonly name: { readonly 'en-US': string } };
  };
  readonly result: {
    readonly success?: boolean;
    readonly completion?: boolean;
    readonly score?: { readonly scaled: number };
    readonly extensions: { readonly [CMI5_PROGRESS]: number };
  };
  readonly timestamp: string;
}

/**
 * The statement for an event.
 *
 * @example statementOf({ kind: 'answered', item: 'q1', title: 'Stale read', right: true, score: 1 }, 'https://lab.test/', new Date(0)).result
 * // { success: true, score: { scaled: 1 }, extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 100 } }
 */
export function statementOf(event: LearningEvent, base: string, now: Date = new Date()): LearningStatement {
  const verb = { id: VERBS[event.kind], display: { 'en-US': event.kind } } as const;
  const timestamp = now.toISOString();
  if (event.kind === 'answered') {
    return {
      verb,
      object: { objectType: 'Activity', id: `${base}?lab=quiz&q=${encodeURIComponent(event.item)}`, definition: { type: ACTIVITY_TYPES.question, name: { 'en-US': event.title } } },
      // A quiz item is done once answered, right or wrong: progress 100, success says which.
      result: { success: event.right, score: { scaled: Math.round(Math.min(1, Math.max(0, event.score)) * 100) / 100 }, extensions: { [CMI5_PROGRESS]: 100 } },
      timestamp,
    };
  }
  const share = event.steps > 0 ? event.reached / event.steps : 0;
  return {
    verb,
    object: { objectType: 'Activity', id: `${base}?lab=${encodeURIComponent(event.lab)}&lesson=${encodeURIComponent(event.lesson)}`, definition: { type: ACTIVITY_TYPES.lesson, name: { 'en-US': event.title } } },
    result: {
      ...(event.kind === 'completed' ? { completion: true, success: true } : {}),
      score: { scaled: Math.round(share * 100) / 100 },
      extensions: { [CMI5_PROGRESS]: Math.round(share * 100) },
    },
    timestamp,
  };
}

