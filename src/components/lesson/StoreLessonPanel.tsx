import { useCallback } from 'react';
import type { Lesson } from '../../content/lessons.ts';
import { selectRun } from '../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../store/LabStoreContext.tsx';
import { useThrottledTime } from '../useThrottledTime.ts';
import { LessonPanel } from './LessonPanel.tsx';

/** The lesson panel over a lab with a store (the playground, the sessions lab): its goals look at the run at the playhead, ten times a second while it plays. */
export function StoreLessonPanel({ lab }: { readonly lab: Lesson['lab'] }) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const onProblem = useCallback((text: string) => store.getState().setNotice({ kind: 'error', text }), [store]);
  return <LessonPanel lab={lab} view={{ run, time }} onProblem={onProblem} />;
}
