import { useEffect, useId, useRef, useState } from 'react';
import { QUIZ_AND_EXERCISES, findQuizItem, type QuizItem } from '../../../content/quiz.ts';
import { tellLearning } from '../../../embed/learning.ts';
import { progress } from '../../../store/progress.ts';
import { answerOf, complete, emptyAnswer, gradeItem, type PartAnswer, type PartGrade } from '../model/grade.ts';
import { CollabTextDemo } from './CollabTextDemo.tsx';
import { LagDemo } from './LagDemo.tsx';
import { QuizPartView } from './QuizPartView.tsx';
import { QuorumEvidence } from './QuorumEvidence.tsx';

/**
 * One question: its parts, "Check my answers", the feedback under each part, try again,
 * show the answer, and why. Loaded just after the quiz's first screen: it carries the
 * simulator and checkers the answers are computed with.
 */
export function QuestionPanel({ id, onNext, focus }: { readonly id: string; readonly onNext: (next: string) => void; readonly focus: boolean }) {
  const item = findQuizItem(id)!;
  const next = nextOf(item);
  return <QuestionView key={item.id} item={item} focus={focus} onNext={next ? () => onNext(next.id) : null} />;
}

function nextOf(item: QuizItem): QuizItem | undefined {
  return QUIZ_AND_EXERCISES[QUIZ_AND_EXERCISES.indexOf(item) + 1];
}

function QuestionView({ item, onNext, focus }: { readonly item: QuizItem; readonly onNext: (() => void) | null; readonly focus: boolean }) {
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
  // Reached by Next or the list (not on opening the page): focus moves to the question.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);

  const check = () => {
    if (!item.parts.every((p, i) => complete(p, answers[i]!))) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const graded = gradeItem(item, answers);
    setGrades(graded.parts);
    progress().answer(item.id, graded.right);
    const score = graded.parts.filter((p) => p.right).length / Math.max(1, graded.parts.length);
    tellLearning({ kind: 'answered', item: item.id, title: item.title, right: graded.right, score });
  };
  const retry = () => {
    // After the answer was shown, start afresh; otherwise keep what the learner had, to change it.
    if (shown) setAnswers(item.parts.map(emptyAnswer));
    setGrades(null);
    setShown(false);
    // Back to the question's top, to answer again from there.
    heading.current?.focus();
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
        {item.exercise ? 'Exercise, part' : 'Question'} {item.n}: {item.title}
      </h2>
      <p className="small muted">
        Part {item.part} of the module · learning outcome{item.outcomes.length > 1 ? 's' : ''} {item.outcomes.join(' and ')}
      </p>
      <p>{item.question}</p>
      {item.parts.map((p, i) => (
        <QuizPartView key={p.id} part={p} answer={answers[i]!} graded={grades ? grades[i]! : null} shown={shown} onChange={(a) => setAnswers(answers.map((x, j) => (j === i ? a : x)))} />
      ))}
      {/* After checking, so it does not answer the question before it is asked. */}
      {item.demo === 'collab-text' && grades && <CollabTextDemo />}
      {item.demo === 'lag' && grades && <LagDemo />}
      {missing && (
        <p className="error-text" role="alert">
          Answer every part first: each one is checked.
        </p>
      )}
      {grades && (
        <p ref={result} tabIndex={-1} className={`quiz-result ${allRight ? 'v-satisfied' : 'v-violated'}`}>
          {shown
            ? 'The answer, checked the same way:'
            : <>
                <span aria-hidden="true">{allRight ? '✓ ' : '✗ '}</span>
                {allRight
                  ? 'All right.'
                  : grades.length === 1
                    ? 'Not all right yet. Read why below, then try again or see the answer.'
                    : `${grades.filter((g) => g.right).length} of ${grades.length} parts right. Read why below each, then try again or see the answer.`}
              </>}
        </p>
      )}
      {grades && quorum && quorum.kind === 'quorum' && quorumAnswer?.kind === 'quorum' && (
        <QuorumEvidence n={quorum.n} settings={quorumAnswer.values.map((v) => ({ w: v.w ?? 1, r: v.r ?? 1 }))} labels={quorum.goals.map((g) => g.tag)} />
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
