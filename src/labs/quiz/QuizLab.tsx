import '../../components/components.css';
import './quiz.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useProgress } from '../../components/useProgress.ts';
import { QUIZ, findQuizItem, type QuizItem } from '../../content/quiz.ts';
import { currentSearch, rememberInAddress } from '../../embed/address.ts';
import { readParams } from '../../embed/params.ts';
import { progress } from '../../store/progress.ts';
import { answerOf, complete, emptyAnswer, gradeItem, type PartAnswer, type PartGrade } from './model/grade.ts';
import { QUIZ_PARAMS } from './model/quizParams.ts';
import { QuizPartView } from './ui/QuizPartView.tsx';
import { QuorumEvidence } from './ui/QuorumEvidence.tsx';
import { CollabTextDemo } from './ui/CollabTextDemo.tsx';

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
  const item = findQuizItem(current)!;
  const record = useProgress().quiz;
  const right = QUIZ.filter((q) => record[q.id]?.right).length;
  const shown = QUIZ.filter((q) => record[q.id]?.shown && !record[q.id]?.right).length;
  const choose = (q: string) => {
    setCurrent(q);
    rememberInAddress(QUIZ_PARAMS, { q });
  };
  const store = progress();
  return (
    <div className="lab quiz">
      <header className="lab-intro">
        <h1>The module’s quiz, answered by running it</h1>
        <p>
          Each question is checked against the simulation, not against a key: where you predict what a run does, the lab runs it. The module has eight
          questions; {QUIZ.length} are here so far (question 4 is still being built).
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
      <p className="quiz-score" role="status">
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
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <QuestionView key={item.id} item={item} onNext={nextOf(item) ? () => choose(nextOf(item)!.id) : null} />
      </div>
    </div>
  );
}

function nextOf(item: QuizItem): QuizItem | undefined {
  return QUIZ[QUIZ.indexOf(item) + 1];
}

function QuestionView({ item, onNext }: { readonly item: QuizItem; readonly onNext: (() => void) | null }) {
  const id = useId();
  const [answers, setAnswers] = useState<readonly PartAnswer[]>(() => item.parts.map(emptyAnswer));
  const [grades, setGrades] = useState<readonly PartGrade[] | null>(null);
  const [shown, setShown] = useState(false);
  const [missing, setMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (grades) result.current?.focus();
  }, [grades]);

  const check = () => {
    if (!item.parts.every((p, i) => complete(p, answers[i]!))) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const graded = gradeItem(item, answers);
    setGrades(graded.parts);
    progress().answer(item.id, graded.right);
  };
  const retry = () => {
    // After the answer was shown, start afresh; otherwise keep what the learner had, to change it.
    if (shown) setAnswers(item.parts.map(emptyAnswer));
    setGrades(null);
    setShown(false);
  };
  const show = () => {
    const correct = item.parts.map(answerOf);
    setAnswers(correct);
    setGrades(gradeItem(item, correct).parts);
    setShown(true);
    progress().showAnswer(item.id);
  };
  const allRight = grades !== null && grades.every((g) => g.right);
  const quorum = item.parts.find((p) => p.kind === 'quorum');
  const quorumAnswer = answers.find((a) => a.kind === 'quorum');

  return (
    <section className="panel quiz-question" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`} ref={heading} tabIndex={-1}>
        Question {item.n}: {item.title}
      </h2>
      <p className="small muted">
        Part {item.part} of the module · learning outcome{item.outcomes.length > 1 ? 's' : ''} {item.outcomes.join(' and ')}
      </p>
      <p>{item.question}</p>
      {item.parts.map((p, i) => (
        <QuizPartView key={p.id} part={p} answer={answers[i]!} graded={grades ? grades[i]! : null} onChange={(a) => setAnswers(answers.map((x, j) => (j === i ? a : x)))} />
      ))}
      {item.demo === 'collab-text' && <CollabTextDemo />}
      {missing && (
        <p className="error-text" role="alert">
          Answer every part first: each one is checked.
        </p>
      )}
      {grades && (
        <p ref={result} tabIndex={-1} className={`quiz-result ${allRight ? 'v-satisfied' : 'v-violated'}`}>
          {shown ? 'The answer, checked the same way:' : allRight ? '✓ All right.' : `✗ ${grades.filter((g) => g.right).length} of ${grades.length} parts right. Read why below each, then try again or see the answer.`}
        </p>
      )}
      {grades && quorum && quorum.kind === 'quorum' && quorumAnswer?.kind === 'quorum' && (
        <QuorumEvidence n={quorum.n} settings={quorumAnswer.values.map((v) => ({ w: v.w ?? 1, r: v.r ?? 1 }))} labels={quorum.goals.map((g) => g.label.split(')')[0]! + ')')} />
      )}
      {grades && (allRight || shown) && (
        <div className="quiz-explanation">
          <h3>Why</h3>
          <p>{item.explanation}</p>
          {item.tryIt && (
            <p>
              <a href={item.tryIt.href}>{item.tryIt.label}</a>
            </p>
          )}
        </div>
      )}
      <div className="button-row">
        {!grades && (
          <button type="button" className="primary" onClick={check}>
            Check my answers
          </button>
        )}
        {grades && (!allRight || shown) && (
          <button type="button" className="primary" onClick={retry}>
            Try again
          </button>
        )}
        {!shown && !allRight && (
          <button type="button" onClick={show}>
            Show the answer
          </button>
        )}
        {onNext && grades !== null && (
          <button type="button" onClick={onNext}>
            Next question
          </button>
        )}
      </div>
    </section>
  );
}
