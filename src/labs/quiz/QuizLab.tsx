import '../../components/components.css';
import './quiz.css';
import { Suspense, lazy, useState } from 'react';
import { useProgress } from '../../components/useProgress.ts';
import { QUIZ_INDEX as QUIZ } from '../../content/quizIndex.ts';
import { currentSearch, rememberInAddress } from '../../embed/address.ts';
import { readParams } from '../../embed/params.ts';
import { progress } from '../../store/progress.ts';
import { QUIZ_PARAMS } from './model/quizParams.ts';

/** The question itself loads just after the first screen: its answers need the simulator and the checkers. */
const QuestionPanel = lazy(() => import('./ui/QuestionPanel.tsx').then((m) => ({ default: m.QuestionPanel })));

export const QUIZ_ID = 'quiz';

/**
 * The module's quiz, one question at a time: predict, then the lab runs it; check, read
 * why each choice is right or wrong, try again, or see the answer. Answers are computed
 * by the simulation and the pure modules (content/quiz.ts). The score and each question's
 * state are kept in the learner's progress.
 */
export default function QuizLab() {
  const [start] = useState(() => readParams(QUIZ_PARAMS, currentSearch()));
  const [current, setCurrent] = useState(start.values.q);
  // Whether the learner moved to this question (then focus follows), or opened the page on it.
  const [moved, setMoved] = useState(false);
  const record = useProgress().quiz;
  const right = QUIZ.filter((q) => record[q.id]?.right).length;
  const shown = QUIZ.filter((q) => record[q.id]?.shown && !record[q.id]?.right).length;
  const choose = (q: string) => {
    setCurrent(q);
    setMoved(true);
    rememberInAddress(QUIZ_PARAMS, { q });
  };
  const store = progress();
  return (
    <div className="lab quiz">
      <header className="lab-intro">
        <h1>The module’s quiz, answered by running it</h1>
        <p>
          The module’s {QUIZ.length} questions, each checked against the simulation, not against a key: where you predict what a run does, the lab runs
          it.
        </p>
        <p>
          <a href="./">The course path</a>
        </p>
      </header>
      {start.problems.length > 0 && (
        <div className="notice error" role="alert">
          <p>{start.problems.join(' ')}</p>
        </div>
      )}
      {store.problem && (
        <div className="notice info" role="status">
          <p>{store.problem}</p>
        </div>
      )}
      <p className="quiz-score">
        Score: {right} of {QUIZ.length} answered right{shown > 0 ? `, ${shown} shown` : ''}.
      </p>
      <div className="quiz-grid">
        <nav aria-label="Questions" className="panel quiz-nav">
          <ul>
            {QUIZ.map((q) => {
              const r = record[q.id];
              const state = r?.right ? 'answered right' : r?.shown ? 'answer shown' : r && r.tries > 0 ? 'tried' : 'not tried yet';
              return (
                <li key={q.id}>
                  <a
                    href={`?lab=quiz&q=${q.id}`}
                    aria-current={q.id === current ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      choose(q.id);
                    }}
                  >
                    <span aria-hidden="true">{r?.right ? '✓ ' : r?.shown ? '◌ ' : ''}</span>
                    Question {q.n}: {q.title}
                    <span className="visually-hidden"> ({state})</span>
                    {state === 'tried' && (
                      <span className="small muted" aria-hidden="true">
                        {' '}
                        (tried)
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <Suspense fallback={<p role="status">Loading the question…</p>}>
          <QuestionPanel id={current} onNext={choose} focus={moved} />
        </Suspense>
      </div>
    </div>
  );
}

