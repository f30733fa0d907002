import { useId } from 'react';
import { VECTOR_ORDER_WORDS, fixWords, type QuizPart } from '../../../content/quiz.ts';
import type { Order } from '../../../sim/values/versionVector.ts';
import { format } from '../../../sim/values/versionVector.ts';
import type { PartAnswer, PartGrade } from '../model/grade.ts';

interface Props {
  readonly part: QuizPart;
  readonly answer: PartAnswer;
  readonly onChange: (a: PartAnswer) => void;
  /** Set once checked: the part is then read-only until "Try again". */
  readonly graded: PartGrade | null;
  /** Whether what is picked is the answer shown, not the learner's. */
  readonly shown?: boolean;
}

const ORDERS: readonly Order[] = ['after', 'before', 'concurrent', 'equal'];

/** One part of a quiz item, drawn by its kind: choices, a prediction, vector pairs, numbers, W and R, or a fix to run. */
export function QuizPartView({ part, answer, onChange, graded, shown = false }: Props) {
  const id = useId();
  const locked = graded !== null;
  return (
    <div className="quiz-part">
      {body()}
      {graded && (
        <ul className="quiz-feedback">
          {graded.lines.map((l, i) => (
            <li key={i} className={l.right ? 'v-satisfied' : 'v-violated'}>
              <span aria-hidden="true">{l.right ? '✓ ' : '✗ '}</span>
              {l.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  function body() {
    switch (part.kind) {
      case 'choice':
      case 'predict':
      case 'fix': {
        const picked = answer.kind === 'choice' ? answer.picked : [];
        const many = part.kind === 'choice' && part.many === true;
        const choices = part.kind === 'fix' ? part.fixes.map((f) => ({ id: f, label: fixWords(f).name })) : part.choices;
        return (
          <fieldset disabled={locked}>
            <legend>{part.prompt}</legend>
            {choices.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type={many ? 'checkbox' : 'radio'}
                  name={`${id}-choice`}
                  checked={picked.includes(c.id)}
                  onChange={(e) => onChange({ kind: 'choice', picked: many ? (e.target.checked ? [...picked, c.id] : picked.filter((p) => p !== c.id)) : [c.id] })}
                />{' '}
                {c.label}
                {locked && picked.includes(c.id) && <span className="your-answer">{shown ? ' (the answer)' : ' (your answer)'}</span>}
              </label>
            ))}
          </fieldset>
        );
      }
      case 'vectors': {
        const picked = answer.kind === 'vectors' ? answer.picked : [];
        return (
          <fieldset disabled={locked}>
            <legend>{part.prompt}</legend>
            {part.pairs.map(([a, b], i) => (
              <div key={i} className="field-row">
                <label htmlFor={`${id}-pair-${i}`}>
                  Pair {i + 1}: <code>{format(a)}</code> and <code>{format(b)}</code>
                </label>
                <select
                  id={`${id}-pair-${i}`}
                  value={picked[i] ?? ''}
                  onChange={(e) => onChange({ kind: 'vectors', picked: picked.map((p, j) => (j === i ? ((e.target.value || null) as Order | null) : p)) })}
                >
                  <option value="">Choose…</option>
                  {ORDERS.map((o) => (
                    <option key={o} value={o}>
                      {VECTOR_ORDER_WORDS[o]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        );
      }
      case 'numbers': {
        const values = answer.kind === 'numbers' ? answer.values : [];
        return (
          <fieldset disabled={locked}>
            <legend>{part.prompt}</legend>
            <div className="quiz-numbers">
              {part.fields.map((f, i) => (
                <label key={f.label}>
                  {f.label}{' '}
                  <input
                    type="text"
                    inputMode="numeric"
                    size={5}
                    maxLength={12}
                    value={values[i] ?? ''}
                    onChange={(e) => onChange({ kind: 'numbers', values: values.map((v, j) => (j === i ? e.target.value : v)) })}
                  />
                </label>
              ))}
            </div>
          </fieldset>
        );
      }
      case 'rows': {
        const picked = answer.kind === 'rows' ? answer.picked : [];
        return (
          <fieldset disabled={locked}>
            <legend>{part.prompt}</legend>
            {part.rows.map((row, i) => (
              <div key={row.id} className="field-row">
                <label htmlFor={`${id}-row-${row.id}`} className="quiz-row-label">
                  {row.label}
                </label>
                <select id={`${id}-row-${row.id}`} value={picked[i] ?? ''} onChange={(e) => onChange({ kind: 'rows', picked: picked.map((p, j) => (j === i ? e.target.value || null : p)) })}>
                  <option value="">Choose…</option>
                  {part.levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        );
      }
      case 'quorum': {
        const values = answer.kind === 'quorum' ? answer.values : [];
        const set = (i: number, key: 'w' | 'r', v: number | null) => onChange({ kind: 'quorum', values: values.map((x, j) => (j === i ? { ...x, [key]: v } : x)) });
        return (
          <fieldset disabled={locked}>
            <legend>
              {part.prompt} (N = {part.n}):
            </legend>
            {part.goals.map((g, i) => (
              <div key={g.id} className="quiz-quorum">
                <p id={`${id}-${g.id}`}>{g.label}</p>
                <label>
                  W{' '}
                  <input type="number" min={1} max={part.n} value={values[i]?.w ?? ''} aria-describedby={`${id}-${g.id}`} onChange={(e) => set(i, 'w', clamp(e.target.value, part.n))} />
                </label>{' '}
                <label>
                  R{' '}
                  <input type="number" min={1} max={part.n} value={values[i]?.r ?? ''} aria-describedby={`${id}-${g.id}`} onChange={(e) => set(i, 'r', clamp(e.target.value, part.n))} />
                </label>
              </div>
            ))}
          </fieldset>
        );
      }
    }
  }
}

/** A typed W or R: empty while the field is, else a whole number from 1 to N. */
function clamp(raw: string, n: number): number | null {
  if (raw.trim() === '') return null;
  const v = Math.round(Number(raw));
  return Number.isFinite(v) ? Math.min(n, Math.max(1, v)) : null;
}
