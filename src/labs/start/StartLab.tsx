import '../../components/components.css';
import './start.css';
import { useId, useRef } from 'react';
import { useProgress } from '../../components/useProgress.ts';
import { ACTIVITIES, OUTCOMES, PARTS, type Activity } from '../../content/course.ts';
import { LESSONS } from '../../content/lessons.ts';
import { STANDING_WORDS, progress, standingOf, type ProgressState } from '../../store/progress.ts';

export const START_ID = 'start';

/** Where an activity stands in the learner's progress, in words (null: nothing to count). */
function standing(a: Activity, p: ProgressState): { readonly done: boolean; readonly words: string } | null {
  if (a.kind === 'lesson') {
    const lesson = LESSONS.find((l) => l.id === a.id)!;
    const reached = lesson.steps.filter((s) => p.steps.includes(`${lesson.id}/${s.id}`)).length;
    return { done: reached === lesson.steps.length, words: reached === 0 ? 'not started' : `${reached} of ${lesson.steps.length} steps reached` };
  }
  if (a.kind === 'quiz' || a.kind === 'exercise') {
    const r = p.quiz[a.id];
    const standing = standingOf(r);
    return { done: standing === 'right', words: standing === 'tried' ? `tried ${r!.tries === 1 ? 'once' : `${r!.tries} times`}` : STANDING_WORDS[standing] };
  }
  return null;
}

/** "a", "a and b", "a, b and c". */
const joined = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);

/** Where an outcome is practised, in a sentence: its parts, and its lessons by name. */
function practised(where: readonly { readonly part: number; readonly a: Activity }[]): string {
  const parts = [...new Set(where.map((w) => w.part))];
  const lessons = where.filter((w) => w.a.kind === 'lesson').map((w) => `“${w.a.label.replace(/^Lesson: /, '')}”`);
  return `Practised in part${parts.length > 1 ? 's' : ''} ${joined(parts.map(String))}${lessons.length > 0 ? `, and in the lesson${lessons.length > 1 ? 's' : ''} ${joined(lessons)}` : ''}.`;
}

/**
 * The start page: the module's learning outcomes and its five parts as a path, each part
 * with the lessons, labs and quiz questions that exercise it, and how far the learner has
 * got (kept in this browser when it allows, else while the page is open).
 */
export default function StartLab() {
  const id = useId();
  const p = useProgress();
  const store = progress();
  const lessonsDone = LESSONS.filter((l) => l.steps.every((s) => p.steps.includes(`${l.id}/${s.id}`))).length;
  // The quiz's questions as the path lists them: the quiz itself (and the simulator its answers need) loads only with the quiz.
  const questions = ACTIVITIES.filter((a) => a.kind === 'quiz');
  const quizRight = questions.filter((q) => p.quiz[q.id]?.right).length;
  const parts = ACTIVITIES.filter((a) => a.kind === 'exercise');
  const partsDone = parts.filter((q) => p.quiz[q.id]?.right || p.quiz[q.id]?.shown).length;
  const started = p.steps.length > 0 || Object.keys(p.quiz).length > 0;
  const said = useRef<HTMLParagraphElement>(null);
  return (
    <div className="lab start">
      <header className="lab-intro">
        <h1>Eventual consistency, hands on</h1>
        <p>
          A path through the course module on eventual consistency. Each part has something to do in a live, simulated cluster: guided lessons that check
          what you do against the simulation, labs to explore freely, and the module’s quiz, answered by running it. Everything runs in your browser.
        </p>
      </header>
      {store.problem && (
        <div className="notice info" role="status">
          <p>{store.problem}</p>
        </div>
      )}
      <section className="panel" aria-labelledby={`${id}-o`}>
        <h2 id={`${id}-o`}>After the module you can…</h2>
        <ol className="outcomes">
          {OUTCOMES.map((o) => {
            const where = PARTS.flatMap((part) => part.activities.filter((a) => a.outcomes.includes(o.n)).map((a) => ({ part: part.n, a })));
            return (
              <li key={o.n}>
                {o.text}{' '}
                <span className="small muted">{practised(where)}</span>
              </li>
            );
          })}
        </ol>
      </section>
      <p className="path-progress" role="status" ref={said} tabIndex={-1}>
        {started ? (
          `Your progress: ${lessonsDone} of ${LESSONS.length} lessons finished, ${quizRight} of ${questions.length} quiz questions answered right, ${partsDone} of ${parts.length} parts of the hands-on exercise done.`
        ) : (
          <>
            New here? Start with part 1’s lesson, <a href={ACTIVITIES[0]!.href}>“{ACTIVITIES[0]!.label.replace(/^Lesson: /, '')}”</a>.
          </>
        )}
      </p>
      <ol className="path">
        {PARTS.map((part) => (
          <li key={part.n} className="panel path-part">
            <h2>
              Part {part.n}: {part.title}
            </h2>
            <p>{part.summary}</p>
            <ul className="activities">
              {part.activities.map((a) => {
                const s = standing(a, p);
                return (
                  <li key={a.kind + a.id} className={`activity ${a.kind}`}>
                    <a href={a.href}>{a.label}</a>
                    {s && (
                      <span className={`small ${s.done ? 'v-satisfied' : 'muted'}`}>
                        {' '}
                        <span aria-hidden="true">{s.done ? '✓ ' : ''}</span>({s.words})
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {started && (
        <details className="path-reset">
          <summary>Start the path afresh</summary>
          <p>
            This forgets which steps you reached and how you answered. <button
              type="button"
              onClick={() => {
                store.reset();
                // The button goes with the progress it forgot: focus moves to what the page now says.
                said.current?.focus();
              }}
            >
              Forget my progress
            </button>
          </p>
        </details>
      )}
    </div>
  );
}
