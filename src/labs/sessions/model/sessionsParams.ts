import { FIXES, SESSION_STORIES, type FixId, type StoryId } from '../../../content/sessionStories.ts';
import { choiceParam } from '../../../embed/paramKinds.ts';

/*
 * The sessions lab's address, declared for src/embed/params.ts to read and write:
 *
 *   ?lab=sessions&story=own-write&fix=version&twist=on
 *
 * `twist=on` adds the story's twist (where is my update: A crashes; a comment before its
 * post: Bob writes something unrelated); the other stories have none.
 * A fix a story does not list is read as no fix, with a sentence saying so.
 */
export const SESSIONS_PARAMS = {
  story: choiceParam<StoryId>({
    choices: SESSION_STORIES.map((s) => s.id),
    fallback: 'own-write',
    bad: (quoted, used) => `There is no story “${quoted}” here; showing “${SESSION_STORIES.find((s) => s.id === used)!.title}”.`,
  }),
  twist: choiceParam<'off' | 'on'>({
    choices: ['off', 'on'],
    fallback: 'off',
    bad: (quoted) => `“${quoted}” is not on or off; showing the story without its twist.`,
  }),
  fix: choiceParam<FixId>({
    choices: Object.keys(FIXES) as FixId[],
    fallback: 'none',
    bad: (quoted) => `There is no fix “${quoted}” here; showing the story with no fix.`,
  }),
};
