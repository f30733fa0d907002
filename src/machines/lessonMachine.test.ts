import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { lessonMachine } from './lessonMachine.ts';

function start(count: number, index?: number) {
  const actor = createActor(lessonMachine, { input: { count, ...(index === undefined ? {} : { index }) } });
  actor.start();
  return actor;
}

describe('the lesson machine', () => {
  it('walks forward and back, and finishes past the last step', () => {
    const a = start(3);
    a.send({ type: 'lesson.previous' });
    expect(a.getSnapshot().context.index).toBe(0);
    a.send({ type: 'lesson.next' });
    a.send({ type: 'lesson.next' });
    expect(a.getSnapshot().context.index).toBe(2);
    a.send({ type: 'lesson.next' });
    expect(a.getSnapshot().value).toBe('finished');
    a.send({ type: 'lesson.previous' });
    expect(a.getSnapshot().value).toBe('step');
    expect(a.getSnapshot().context.index).toBe(2);
  });

  it('opens at a deep link’s step, clamped to the lesson, and goes straight to any step', () => {
    expect(start(4, 2).getSnapshot().context.index).toBe(2);
    expect(start(4, 99).getSnapshot().context.index).toBe(3);
    const a = start(4);
    a.send({ type: 'lesson.go', index: 3 });
    expect(a.getSnapshot().context.index).toBe(3);
    a.send({ type: 'lesson.go', index: 7 });
    a.send({ type: 'lesson.go', index: 1.5 });
    expect(a.getSnapshot().context.index).toBe(3);
  });

  it('marks a step reached once, whichever step is shown', () => {
    const a = start(3);
    a.send({ type: 'lesson.reached', index: 1 });
    a.send({ type: 'lesson.reached', index: 1 });
    a.send({ type: 'lesson.reached', index: 5 });
    expect(a.getSnapshot().context.reached).toEqual([1]);
  });

  it('leaves for free play at any step and comes back to a step', () => {
    const a = start(3, 1);
    a.send({ type: 'lesson.leave' });
    expect(a.getSnapshot().value).toBe('left');
    a.send({ type: 'lesson.next' });
    expect(a.getSnapshot().value).toBe('left');
    a.send({ type: 'lesson.go', index: 0 });
    expect(a.getSnapshot().value).toBe('step');
    expect(a.getSnapshot().context.index).toBe(0);
  });
});
