import { LESSONS } from '../../content/lessons.ts';
import { choiceParam, intParam } from '../../embed/paramKinds.ts';

/*
 * A lesson in the playground, declared for src/embed/params.ts to read and write:
 *
 *   ?lab=playground&lesson=stale-read&step=2
 *
 * `step` counts from 1. Loaded with the lesson panel, not with the playground's first screen.
 */
export const LESSON_PARAMS = {
  lesson: choiceParam<string>({
    choices: ['none', ...LESSONS.map((l) => l.id)],
    fallback: 'none',
    bad: (quoted) => `There is no lesson “${quoted}”; the playground is open for free play. The course path lists the lessons.`,
  }),
  step: intParam({
    min: 1,
    max: (read) => LESSONS.find((l) => l.id === read.values.lesson)?.steps.length ?? 1,
    fallback: 1,
    what: 'the lesson’s step',
  }),
};
