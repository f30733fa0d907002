import { assertEvent, assign, setup } from 'xstate';

export type LessonEvent =
  | { readonly type: 'lesson.next' }
  | { readonly type: 'lesson.previous' }
  | { readonly type: 'lesson.go'; readonly index: number }
  /** The run now meets this step's goal (the panel checks it against the lab's store). */
  | { readonly type: 'lesson.reached'; readonly index: number }
  | { readonly type: 'lesson.leave' };

export interface LessonContext {
  /** How many steps the lesson has. */
  readonly count: number;
  readonly index: number;
  /** Steps whose goal the run has met, by index. */
  readonly reached: readonly number[];
}

/**
 * Walking a lesson: one step at a time, forward, back or straight to any step (a deep link
 * opens at its step), a step marked once the run meets its goal, and a way out to free
 * play at any step. Next works whether or not the goal is met: the learner decides; what
 * the path counts as done is what was reached. Past the last step the lesson is finished.
 */
export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    input: {} as { count: number; index?: number; reached?: readonly number[] },
    events: {} as LessonEvent,
  },
  guards: {
    hasNext: ({ context }) => context.index < context.count - 1,
    hasPrevious: ({ context }) => context.index > 0,
    validIndex: ({ context, event }) => {
      assertEvent(event, 'lesson.go');
      return Number.isInteger(event.index) && event.index >= 0 && event.index < context.count;
    },
  },
  actions: {
    next: assign({ index: ({ context }) => context.index + 1 }),
    previous: assign({ index: ({ context }) => context.index - 1 }),
    go: assign({
      index: ({ event }) => {
        assertEvent(event, 'lesson.go');
        return event.index;
      },
    }),
    reach: assign({
      reached: ({ context, event }) => {
        assertEvent(event, 'lesson.reached');
        return context.reached.includes(event.index) || event.index < 0 || event.index >= context.count ? context.reached : [...context.reached, event.index];
      },
    }),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => ({
    count: input.count,
    index: Math.min(Math.max(0, input.index ?? 0), Math.max(0, input.count - 1)),
    reached: input.reached ?? [],
  }),
  initial: 'step',
  on: {
    'lesson.reached': { actions: 'reach' },
    'lesson.leave': '.left',
  },
  states: {
    step: {
      on: {
        'lesson.next': [{ guard: 'hasNext', actions: 'next' }, { target: 'finished' }],
        'lesson.previous': { guard: 'hasPrevious', actions: 'previous' },
        'lesson.go': { guard: 'validIndex', actions: 'go' },
      },
    },
    finished: {
      on: {
        'lesson.previous': 'step',
        'lesson.go': { guard: 'validIndex', target: 'step', actions: 'go' },
      },
    },
    /** Free play: the lesson panel is closed; going to a step opens it again. */
    left: {
      on: { 'lesson.go': { guard: 'validIndex', target: 'step', actions: 'go' } },
    },
  },
});
