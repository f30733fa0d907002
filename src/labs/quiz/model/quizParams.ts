import { QUIZ_INDEX as QUIZ } from '../../../content/quizIndex.ts';
import { choiceParam } from '../../../embed/paramKinds.ts';

/*
 * The quiz's address, declared for src/embed/params.ts to read and write:
 *
 *   ?lab=quiz&q=q5     the question shown
 */
export const QUIZ_PARAMS = {
  q: choiceParam<string>({
    choices: QUIZ.map((q) => q.id),
    fallback: QUIZ[0]!.id,
    bad: (quoted, used) => `There is no question “${quoted}” here; showing “${QUIZ.find((q) => q.id === used)!.title}”.`,
  }),
};
