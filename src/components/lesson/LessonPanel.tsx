import './lesson.css';
import { useMachine } from '@xstate/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useThrottledTime } from '../useThrottledTime.ts';
import { findLesson, type Lesson } from '../../content/lessons.ts';
import { nextAfterLesson } from '../../content/course.ts';
import { browserAddress, currentSearch, rememberInAddress } from '../../embed/address.ts';
import { readParams, writeAddress } from '../../embed/params.ts';
import { lessonMachine } from '../../machines/lessonMachine.ts';
import { selectRun } from '../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../store/LabStoreContext.tsx';
import { progress } from '../../store/progress.ts';
import { LESSON_PARAMS } from './lessonParams.ts';

/**
 * A guided lesson over the live playground: the step's task, whether the run has reached
 * its goal (checked against the run, ten times a second while it plays), a hint, and
 * previous, next, any step, or free play. The step is kept in the address, so every step
 * has a link; what is reached is kept in the learner's progress.
 */
export function LessonPanel({ lab }: { readonly lab: Lesson['lab'] }) {
  const [start] = useState(() => readParams(LESSON_PARAMS, currentSearch()));
  const store = useLabStoreApi();
  useEffect(() => {
    if (start.problems.length > 0) store.getState().setNotice({ kind: 'error', text: start.problems.join(' ') });
  }, [start, store]);
  const lesson = findLesson(start.values.lesson);
  if (!lesson) return null;
  if (lesson.lab !== lab) {
    const href = `?lab=${lesson.lab}&lesson=${lesson.id}&step=${start.values.step}`;
    return (
      <aside className="panel lesson" aria-label={`Lesson: ${lesson.title}`}>
        <p>
          The lesson “{lesson.title}” runs in another lab: <a href={href}>open it there</a>.
        </p>
      </aside>
    );
  }
  return <LessonSteps lesson={lesson} firstStep={start.values.step - 1} />;
}

function LessonSteps({ lesson, firstStep }: { readonly lesson: Lesson; readonly firstStep: number }) {
  const id = useId();
  const saved = useMemo(() => progress().get().steps, []);
  const [snapshot, send] = useMachine(lessonMachine, {
    input: { count: lesson.steps.length, index: firstStep, reached: lesson.steps.flatMap((s, i) => (saved.includes(`${lesson.id}/${s.id}`) ? [i] : [])) },
  });
  const { index, reached } = snapshot.context;
  const step = lesson.steps[index]!;
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const met = step.goal({ run, time });
  const heading = useRef<HTMLHeadingElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  const mode = snapshot.value as 'step' | 'finished' | 'left';
  const known = reached.includes(index);
  useEffect(() => {
    if (met && mode === 'step' && !known) {
      send({ type: 'lesson.reached', index });
      progress().reachStep(`${lesson.id}/${step.id}`);
    }
  }, [met, mode, known, index, lesson.id, step.id, send]);

  // The address keeps the step (and drops the lesson once the learner leaves it).
  useEffect(() => {
    if (mode === 'left') browserAddress.replace(writeAddress(browserAddress.read(), LESSON_PARAMS, {}, ['lesson', 'step']));
    else rememberInAddress(LESSON_PARAMS, { lesson: lesson.id, step: index + 1 });
  }, [mode, index, lesson.id]);

  const go = (event: Parameters<typeof send>[0]) => {
    send(event);
    heading.current?.focus();
  };

  // Leaving keeps focus in the panel: on the way back.
  useEffect(() => {
    if (mode === 'left') back.current?.focus();
  }, [mode]);

  if (mode === 'left') {
    return (
      <aside className="panel lesson lesson-left" aria-label={`Lesson: ${lesson.title}`}>
        <p>
          Free play.{' '}
          <button type="button" ref={back} onClick={() => go({ type: 'lesson.go', index })}>
            Back to the lesson “{lesson.title}”
          </button>
        </p>
      </aside>
    );
  }

  const next = nextAfterLesson(lesson.id);
  return (
    <section className="panel lesson" aria-labelledby={`${id}-t`}>
      <p className="lesson-kicker">
        Lesson, part {lesson.part} of the module · <a href="./">The course path</a>
      </p>
      <h2 id={`${id}-t`} tabIndex={-1} ref={heading}>
        {snapshot.matches('finished') ? `${lesson.title}: done` : `${lesson.title}: step ${index + 1} of ${lesson.steps.length}, ${step.title}`}
      </h2>
      {snapshot.matches('finished') ? (
        <>
          <p role="status">
            You reached {reached.length} of {lesson.steps.length} steps{reached.length < lesson.steps.length ? '; go back to any step to try the rest.' : '.'}
          </p>
          <p>
            {next ? (
              <>
                Next on the path: <a href={next.href}>{next.label}</a>.{' '}
              </>
            ) : null}
            Or stay and play freely: the lab is yours.
          </p>
        </>
      ) : (
        <>
          <p className="lesson-task">{step.task}</p>
          {/* Said once, when the step is first reached; scrubbing back and forth does not repeat it. */}
          <p className={`lesson-status ${known ? 'v-satisfied' : 'muted'}`} role="status">
            {known ? (
              <>
                <span aria-hidden="true">✓ </span>Done. {step.reached}
              </>
            ) : (
              'Not yet: the lab checks your run as it plays.'
            )}
          </p>
          {known && !met && <p className="small muted">The playhead is now at a moment where the goal is not met; the step stays reached.</p>}
          <details>
            <summary>A hint</summary>
            <p>{step.hint}</p>
          </details>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={() => go({ type: 'lesson.previous' })} disabled={index === 0 && !snapshot.matches('finished')}>
          Previous step
        </button>
        {!snapshot.matches('finished') && (
          <button type="button" className={known ? 'primary' : undefined} onClick={() => go({ type: 'lesson.next' })}>
            {index === lesson.steps.length - 1 ? 'Finish the lesson' : 'Next step'}
          </button>
        )}
        <button type="button" onClick={() => send({ type: 'lesson.leave' })}>
          Leave the lesson (free play)
        </button>
      </div>
      <nav aria-label="Steps of this lesson">
        <ol className="lesson-steps">
          {lesson.steps.map((s, i) => (
            <li key={s.id}>
              <button type="button" aria-current={i === index && snapshot.matches('step') ? 'step' : undefined} onClick={() => go({ type: 'lesson.go', index: i })}>
                {reached.includes(i) ? <span aria-hidden="true">✓ </span> : null}
                {s.title}
                {reached.includes(i) ? <span className="visually-hidden"> (reached)</span> : null}
              </button>
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}
