import { describe, expect, it } from 'vitest';
import { findLesson, goalMet } from '../../../../content/lessons.ts';
import { createGalleryClock, FLIGHT_MS, type GalleryScriptAction } from './galleryClock.ts';
import { galleryLessonView } from './lessonView.ts';

const lesson = findLesson('merge-order')!;
const met = (clock: ReturnType<typeof createGalleryClock>, step: string) => goalMet(lesson, lesson.steps.findIndex((s) => s.id === step), galleryLessonView(clock));

/** Act at the playhead, then move it on a little, as a learner clicking does. */
function act(clock: ReturnType<typeof createGalleryClock>, action: GalleryScriptAction, then = 10) {
  clock.act(action);
  clock.setTime(clock.time() + then);
}

describe('the CRDT lesson, “One result in any order”, checked against the gallery', () => {
  it('is reached step by step by a learner who does it, delivering B’s state before A’s', () => {
    const clock = createGalleryClock('g-counter');
    expect(met(clock, 'count')).toBe(false);
    act(clock, { type: 'op', replica: 'A', op: { type: 'inc' } });
    act(clock, { type: 'op', replica: 'A', op: { type: 'inc' } });
    expect(met(clock, 'count')).toBe(false);
    act(clock, { type: 'op', replica: 'B', op: { type: 'inc' } });
    expect(met(clock, 'count')).toBe(true);
    act(clock, { type: 'hold', on: true });
    act(clock, { type: 'send', from: 'A', to: 'C' });
    expect(met(clock, 'hold')).toBe(false);
    act(clock, { type: 'send', from: 'B', to: 'C' });
    expect(met(clock, 'hold')).toBe(true);
    const [fromA, fromB] = clock.now().state.inFlight;
    act(clock, { type: 'deliver', id: fromB!.id });
    expect(met(clock, 'order')).toBe(false);
    act(clock, { type: 'deliver', id: fromA!.id });
    expect(met(clock, 'order')).toBe(true);
    act(clock, { type: 'send', from: 'B', to: 'C' });
    expect(met(clock, 'twice')).toBe(false);
    act(clock, { type: 'deliver', id: clock.now().state.inFlight[0]!.id });
    expect(met(clock, 'twice')).toBe(true);
    act(clock, { type: 'hold', on: false });
    act(clock, { type: 'sync-all' }, 0);
    expect(met(clock, 'agree')).toBe(false);
    clock.setTime(clock.time() + FLIGHT_MS * 3);
    expect(met(clock, 'agree')).toBe(true);
  });

  it('is not reached by one who delivers to C only part of what A and B hold', () => {
    const clock = createGalleryClock('g-counter');
    for (const r of ['A', 'A', 'B'] as const) act(clock, { type: 'op', replica: r, op: { type: 'inc' } });
    act(clock, { type: 'hold', on: true });
    act(clock, { type: 'send', from: 'A', to: 'C' });
    act(clock, { type: 'deliver', id: clock.now().state.inFlight[0]!.id });
    expect(met(clock, 'order')).toBe(false);
    expect(met(clock, 'agree')).toBe(false);
  });
});
