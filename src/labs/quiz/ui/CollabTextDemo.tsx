import { useId, useState } from 'react';
import { operationalTransform, positionOnly, rga, type Insert } from '../../../analysis/collabText.ts';

const MAX = 12;
const clean = (s: string) => s.replace(/[^\p{L}\p{N} .,!?-]/gu, '').slice(0, MAX);
const position = (raw: string, doc: string) => {
  const v = Math.trunc(Number(raw));
  return Number.isFinite(v) ? Math.max(0, Math.min(doc.length, v)) : 0;
};

/**
 * Try other edits: a starting text and one insert per replica, done three ways, with each
 * replica's text and whether they agree. Computed by analysis/collabText.ts, the same code
 * that answers the question.
 */
export function CollabTextDemo() {
  const id = useId();
  const [doc, setDoc] = useState('');
  const [a, setA] = useState({ text: 'Hello', pos: '0' });
  const [b, setB] = useState({ text: 'World', pos: '0' });
  const ia: Insert = { site: 'A', pos: position(a.pos, doc), text: a.text };
  const ib: Insert = { site: 'B', pos: position(b.pos, doc), text: b.text };
  const rows = [
    { name: 'Position only', out: positionOnly(doc, ia, ib) },
    { name: 'Operational transformation', out: operationalTransform(doc, ia, ib) },
    { name: 'Sequence CRDT (RGA)', out: rga(doc, ia, ib) },
  ];
  return (
    <section className="quiz-demo" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Try other edits</h3>
      <div className="quiz-numbers">
        <label>
          Text at first <input value={doc} maxLength={MAX} size={10} onChange={(e) => setDoc(clean(e.target.value))} />
        </label>
        <label>
          A inserts <input value={a.text} maxLength={MAX} size={8} onChange={(e) => setA({ ...a, text: clean(e.target.value) })} />
        </label>
        <label>
          at <input type="number" min={0} max={doc.length} value={a.pos} onChange={(e) => setA({ ...a, pos: e.target.value })} aria-label="A’s position" />
        </label>
        <label>
          B inserts <input value={b.text} maxLength={MAX} size={8} onChange={(e) => setB({ ...b, text: clean(e.target.value) })} />
        </label>
        <label>
          at <input type="number" min={0} max={doc.length} value={b.pos} onChange={(e) => setB({ ...b, pos: e.target.value })} aria-label="B’s position" />
        </label>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Each way’s result (scrolls sideways on a narrow screen)">
        <table>
          <thead>
            <tr>
              <th scope="col">Done by</th>
              <th scope="col">Replica A shows</th>
              <th scope="col">Replica B shows</th>
              <th scope="col">Agree?</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>“{r.out.texts.A}”</td>
                <td>“{r.out.texts.B}”</td>
                <td className={r.out.converged ? 'v-satisfied' : 'v-violated'}>
                  <span aria-hidden="true">{r.out.converged ? '✓ ' : '✗ '}</span>
                  {r.out.converged ? 'yes' : 'no'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
