import '../../components/components.css';
import './quiz.css';
import { Suspense, lazy, useState } from 'react';
import { useProgress } from '../../components/useProgress.ts';
import { useScenes } from '../../components/useScenes.ts';
import { IntroText } from '../../components/IntroText.tsx';
import { QUIZ_INDEX, type QuizIndexEntry } from '../../content/quizIndex.ts';
import { currentSearch, rememberInAddress } from '../../embed/address.ts';
import { readParams } from '../../embed/params.ts';
import { STANDING_WORDS, progress, standingOf } from '../../store/progress.ts';
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
  const right = QUESTIONS.filter((q) => record[q.id]?.right).length;
  const shown = QUESTIONS.filter((q) => record[q.id]?.shown && !record[q.id]?.right).length;
  const done = EXERCISE.filter((q) => record[q.id]?.right || record[q.id]?.shown).length;
  const choose = (q: string) => {
    setCurrent(q);
    setMoved(true);
    rememberInAddress(QUIZ_PARAMS, { q });
  };
  const store = progress();
  useScenes('questions', QUIZ_INDEX, QUIZ_INDEX.findIndex((q) => q.id === current), (i) => choose(QUIZ_INDEX[i]!.id));
  return (
    <div className="lab quiz">
      <header className="lab-intro">
        <h1>The module’s quiz, answered by running it</h1>
        <IntroText>
          The module’s eight questions and its hands-on exercise, each checked against the simulation, not against a key: where you predict what a run does, the lab runs
          it.
        </IntroText>
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
        Score: {right} of {QUESTIONS.length} answered right{shown > 0 ? `, ${shown} shown` : ''}. Exercise: {done} of {EXERCISE.length} parts done.
      </p>
      <div className="quiz-grid">
        <nav aria-label="Questions and exercise" className="panel quiz-nav">
          <h2 className="quiz-nav-title">The quiz</h2>
          <ItemList items={QUESTIONS} current={current} record={record} onChoose={choose} />
          <h2 className="quiz-nav-title">The hands-on exercise</h2>
          <ItemList items={EXERCISE} current={current} record={record} onChoose={choose} />
        </nav>
        <Suspense fallback={<p role="status">Loading the question…</p>}>
          <QuestionPanel id={current} onNext={choose} focus={moved} />
        </Suspense>
      </div>
    </div>
  );
}

const QUESTIONS = QUIZ_INDEX.filter((q) => !q.exercise);
const EXERCISE = QUIZ_INDEX.filter((q) => q.exercise);

/** A list of questions (or exercise parts) with each one's state, as links that keep their address. */
function ItemList({
  items,
  current,
  record,
  onChoose,
}: {
  readonly items: readonly QuizIndexEntry[];
  readonly current: string;
  readonly record: ReturnType<typeof useProgress>['quiz'];
  readonly onChoose: (id: string) => void;
}) {
  return (
    <ul>
      {items.map((q) => {
        const r = record[q.id];
        const standing = standingOf(r);
        return (
          <li key={q.id}>
            <a
              href={`?lab=quiz&q=${q.id}`}
              aria-current={q.id === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onChoose(q.id);
              }}
            >
              <span aria-hidden="true">{r?.right ? '✓ ' : r?.shown ? '◌ ' : ''}</span>
              {q.exercise ? 'Part' : 'Question'} {q.n}: {q.title}
              <span className="visually-hidden"> ({STANDING_WORDS[standing]})</span>
              {standing === 'tried' && (
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
  );
}
