import { describe, expect, it } from 'vitest';
import { CMI5_PROGRESS, statementOf } from './xapi.ts';

const AT = new Date('2026-11-30T12:00:00Z');

describe('learning statements', () => {
  it('an answer: the question as an interaction, right or wrong, scored by its parts', () => {
    const s = statementOf({ kind: 'answered', item: 'vv-order', title: 'Version vectors', right: false, score: 2 / 3 }, 'https://lab.test/ec/', AT);
    expect(s).toEqual({
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      object: { objectType: 'Activity', id: 'https://lab.test/ec/?lab=quiz&q=vv-order', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', name: { 'en-US': 'Version vectors' } } },
      result: { success: false, score: { scaled: 0.67 }, extensions: { [CMI5_PROGRESS]: 100 } },
      timestamp: '2026-11-30T12:00:00.000Z',
    });
    expect(s).not.toHaveProperty('actor');
  });

  it('a lesson: progressed with its share of steps, completed once every step is reached', () => {
    const base = { lab: 'playground', lesson: 'stale-read', title: 'A stale read, then agreement', steps: 5 } as const;
    const progressed = statementOf({ kind: 'progressed', reached: 2, ...base }, 'https://lab.test/', AT);
    expect(progressed.verb.id).toBe('http://adlnet.gov/expapi/verbs/progressed');
    expect(progressed.object.id).toBe('https://lab.test/?lab=playground&lesson=stale-read');
    expect(progressed.result).toEqual({ score: { scaled: 0.4 }, extensions: { [CMI5_PROGRESS]: 40 } });
    const completed = statementOf({ kind: 'completed', reached: 5, ...base }, 'https://lab.test/', AT);
    expect(completed.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(completed.result).toEqual({ completion: true, success: true, score: { scaled: 1 }, extensions: { [CMI5_PROGRESS]: 100 } });
  });

  it('escapes what goes into an activity id', () => {
    const s = statementOf({ kind: 'answered', item: 'a&b c', title: 't', right: true, score: 1 }, 'https://lab.test/', AT);
    expect(s.object.id).toBe('https://lab.test/?lab=quiz&q=a%26b%20c');
  });
});
