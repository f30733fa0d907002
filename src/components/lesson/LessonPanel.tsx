import './lesson.css';
import { useMachine } from '@xstate/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { findLesson, goalMet, lessonHref, type GalleryLessonView, type Lesson, type LessonView } from '../../content/lessons.ts';
import { nextAfterLesson } from '../../content/course.ts';
import { browserAddress, currentSearch, rememberInAddress } from '../../embed/address.ts';
import { readParams, writeAddress } from '../../embed/params.ts';
import { tellLearning } from '../../embed/learning.ts';
import { useScenes } from '../useScenes.ts';
import { lessonMachine } from '../../machines/lessonMachine.ts';
import { progress } from '../../store/progress.ts';
import { LESSON_PARAMS } from './lessonParams.ts';

/**
 * A guided lesson over a live lab: the step's task, whether the lab has reached its goal
 * (checked against the view its host gives: a run at the playhead, or the CRDT gallery),
 * a hint, and previous, next, any step, or free play. The step is kept in the address, so
 * every step has a link; what is reached is kept in the learner's progress. Hosts: the
 * playground and the sessions lab through StoreLessonPanel.tsx, the gallery directly.
 */
export function LessonPanel({
  lab,
  view,
  onProblem,
  crdt,
  scrollIntoView = false,
}: {
  readonly lab: Lesson['lab'];
  readonly view: LessonView | GalleryLessonView;
  readonly onProblem: (text: string) => void;
  /** In the gallery: the data type this host shows; a lesson about another is shown by that one. */
  readonly crdt?: string;
  readonly scrollIntoView?: boolean;
}) {
  const [start] = useState(() => readParams(LESSON_PARAMS, currentSearch()));
  useEffect(() => {
    if (start.problems.length > 0) onProblem(start.problems.join(' '));
  }, [start, onProblem]);
  const lesson = findLesson(start.values.lesson);
  if (!lesson) return null;
  if (lesson.lab === 'conflicts' && crdt !== undefined && lesson.crdt !== crdt) {
    return (
      <aside className="panel lesson" aria-label={`Lesson: ${lesson.title}`}>
        <p>The lesson “{lesson.title}” is on another data type’s tab: choose it above to go on.</p>
      </aside>
    );
  }
  if (lesson.lab !== lab) {
    return (
      <aside className="panel lesson" aria-label={`Lesson: ${lesson.title}`}>
        <p>
          The lesson “{lesson.title}” runs in another lab: <a href={lessonHref(lesson, start.values.step)}>open it there</a>.
        </p>
      </aside>
    );
  }
  return <LessonSteps lesson={lesson} firstStep={start.values.step - 1} view={view} scrollIntoView={scrollIntoView} />;
}

function LessonSteps({ lesson, firstStep, view, scrollIntoView }: { readonly lesson: Lesson; readonly firstStep: number; readonly view: LessonView | GalleryLessonView; readonly scrollIntoView: boolean }) {
  const id = useId();
  const saved = useMemo(() => progress().get().steps, []);
  const [snapshot, send] = useMachine(lessonMachine, {
    input: { count: lesson.steps.length, index: firstStep, reached: lesson.steps.flatMap((s, i) => (saved.includes(`${lesson.id}/${s.id}`) ? [i] : [])) },
  });
  const { index, reached } = snapshot.context;
  const step = lesson.steps[index]!;
  const met = goalMet(lesson, index, view);
  const heading = useRef<HTMLHeadingElement>(null);
  // A lesson below the fold (the gallery, under the cart) brings itself into view once.
  useEffect(() => {
    if (scrollIntoView) heading.current?.scrollIntoView({ block: 'start' });
  }, [scrollIntoView]);
  const back = useRef<HTMLButtonElement>(null);

  const mode = snapshot.value as 'step' | 'finished' | 'left';
  const known = reached.includes(index);
  useEffect(() => {
    if (met && mode === 'step' && !known) {
      send({ type: 'lesson.reached', index });
      progress().reachStep(`${lesson.id}/${step.id}`);
      // For a course platform around an embedded lab: a step reached, and the lesson once every step is.
      const about = { lab: lesson.lab, lesson: lesson.id, title: lesson.title, reached: reached.length + 1, steps: lesson.steps.length };
      tellLearning({ kind: 'progressed', ...about });
      if (about.reached === about.steps) tellLearning({ kind: 'completed', ...about });
    }
  }, [met, mode, known, index, lesson, step.id, send, reached.length]);

  // The address keeps the step (and drops the lesson once the learner leaves it).
  useEffect(() => {
    if (mode === 'left') browserAddress.replace(writeAddress(browserAddress.read(), LESSON_PARAMS, {}, ['lesson', 'step']));
    else rememberInAddress(LESSON_PARAMS, { lesson: lesson.id, step: index + 1 });
  }, [mode, index, lesson.id]);

  // Moving between steps, or back from free play, puts focus on the new heading once it is drawn.
  const moved = useRef(false);
  const go = (event: Parameters<typeof send>[0]) => {
    moved.current = true;
    send(event);
  };
  // While the lesson is open, its steps are the scenes a presenter's keys step through (over the lab's own stories).
  useScenes('lesson steps', lesson.steps, mode === 'step' ? index : -1, (i) => go({ type: 'lesson.go', index: i }));
  useEffect(() => {
    if (mode === 'left') back.current?.focus();
    else if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [mode, index]);

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
          <p key={index} className={`lesson-status ${known ? 'v-satisfied' : 'muted'}`} role="status">
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
