import { describe, expect, it } from 'vitest';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { eventuallyConsistent } from './eventual.ts';

const write = (at: number, coordinator: string, value: string): Action => ({ at, type: 'write', client: 'c1', coordinator, key: 'x', value });

describe('eventual consistency of a run', () => {
  it('holds once a partition heals and anti-entropy runs', () => {
    const script: Action[] = [{ at: 0, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] }, write(100, 'A', '1'), { at: 2000, type: 'heal-all' }];
    expect(eventuallyConsistent(makeScenario({ cluster: { w: 1, antiEntropyMs: 1000 }, script })).result).toBe('satisfied');
  });

  it('fails with anti-entropy off: a replica that missed a write keeps missing it, and says why', () => {
    const script: Action[] = [{ at: 0, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] }, write(100, 'A', '1'), { at: 2000, type: 'heal-all' }];
    const v = eventuallyConsistent(makeScenario({ cluster: { w: 1, antiEntropyMs: 0 }, script }));
    expect(v.result).toBe('violated');
    expect(v.detail).toMatch(/^a minute after the last action, the replicas of x still disagree \(.+\); anti-entropy is off/);
  });

  it('is not judged while a link is still cut or a replica still down at the end', () => {
    const cut = eventuallyConsistent(makeScenario({ script: [{ at: 0, type: 'cut', from: 'A', to: 'B' }, write(10, 'A', '1')] }));
    expect(cut).toMatchObject({ result: 'unknown', reason: expect.stringMatching(/^a link is still cut when the run ends \(A–B\)/) });
    const down = eventuallyConsistent(makeScenario({ script: [{ at: 0, type: 'crash', node: 'C' }, write(10, 'A', '1')] }));
    expect(down).toMatchObject({ result: 'unknown', reason: expect.stringMatching(/^replica C is still down/) });
  });
});
