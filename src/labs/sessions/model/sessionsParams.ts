import { FIXES, SESSION_STORIES, type FixId, type StoryId } from '../../../content/sessionStories.ts';
import { choiceParam } from '../../../embed/paramKinds.ts';

/*
 * The sessions lab's address, declared for src/embed/params.ts to read and write:
 *
 *   ?lab=sessions&story=own-write&fix=version&fault=crash
 *
 * `fault=crash` adds the story's fault (where is my update: A crashes); other stories have none.
 * A fix a story does not list is read as no fix, with a sentence saying so.
 */
export const SESSIONS_PARAMS = {
  story: choiceParam<StoryId>({
    choices: SESSION_STORIES.map((s) => s.id),
    fallback: 'own-write',
    bad: (quoted, used) => `There is no story “${quoted}” here; showing “${SESSION_STORIES.find((s) => s.id === used)!.title}”.`,
  }),
  fault: choiceParam<'none' | 'crash'>({
    choices: ['none', 'crash'],
    fallback: 'none',
    bad: (quoted) => `There is no fault “${quoted}” here; showing the story without one.`,
  }),
  fix: choiceParam<FixId>({
    choices: Object.keys(FIXES) as FixId[],
    fallback: 'none',
    bad: (quoted) => `There is no fix “${quoted}” here; showing the story with no fix.`,
  }),
};
