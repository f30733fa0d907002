import './vv.css';
import { useEffect, useId, useReducer, useRef, useState, type Dispatch } from 'react';
import { MODULE_STORY, SIBLING_DEMO_INTRO } from '../../../../content/vvWords.ts';
import { rememberInAddress } from '../../../../embed/address.ts';
import { LAB_PARAM, readParams, writeParams } from '../../../../embed/params.ts';
import { format } from '../../../../sim/values/versionVector.ts';
import { Notated } from '../Notated.tsx';
import { VersionNotation } from '../VersionNotation.tsx';
import { VECTOR_PARAMS } from '../../model/panelParams.ts';
import { comparerReducer, initComparer, readRows, rowsToEntries, type ComparerAction, type Row, type Side } from '../../model/vv/comparerState.ts';
import { explain, type Explanation } from '../../model/vv/explain.ts';
import { DEMO_NODES, INITIAL_DEMO, MAX_VALUE_LENGTH, demoReducer, siblingEntries, siblingVersion, valueProblem, versionText, type DemoNode, type DemoReplica } from '../../model/vv/siblingDemo.ts';
import { MAX_ENTRIES, MAX_NAME_LENGTH, MODULE_EXAMPLES, toVector, type VectorEntry } from '../../model/vv/vectorParam.ts';

type Load = (a: readonly VectorEntry[], b: readonly VectorEntry[]) => void;

/**
 * Version vectors up close: two editable vectors and the verdict on them, entry by
 * entry; the module's examples; and a live multi-value register on two replicas whose
 * siblings can be brought up here to compare. `?va=Node1:2,Node2:0&vb=…` opens two vectors
 * (a bad one is told in the lab's notice), and the vectors compared are written back to it.
 */
export function VersionVectorPanel({ search }: { search: string }) {
  const id = useId();
  const [cmp, dispatch] = useReducer(comparerReducer, search, (q) => {
    const { va, vb } = readParams(VECTOR_PARAMS, q).values;
    return initComparer(va, vb);
  });
  const [initial] = useState(cmp);
  const verdictHeading = useRef<HTMLHeadingElement>(null);
  const a = readRows(cmp.A);
  const b = readRows(cmp.B);
  const result = a.vector && b.vector ? explain(a.vector, b.vector) : null;
  const compared = result ? { va: rowsToEntries(cmp.A), vb: rowsToEntries(cmp.B) } : null;

  // Once the learner changes a vector, the address holds the two compared, whenever both can be read.
  useEffect(() => {
    if (cmp !== initial && readRows(cmp.A).vector && readRows(cmp.B).vector) rememberInAddress(VECTOR_PARAMS, { va: rowsToEntries(cmp.A), vb: rowsToEntries(cmp.B) });
  }, [cmp, initial]);

  useEffect(() => {
    if (cmp.added !== null) document.getElementById(`${id}-name-${cmp.added}`)?.focus();
  }, [cmp.added, id]);

  const load: Load = (va, vb) => dispatch({ type: 'load', a: va, b: vb });
  const loadAndShow: Load = (va, vb) => {
    load(va, vb);
    verdictHeading.current?.focus();
  };

  return (
    <section className="panel vv" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Version vectors</h2>
      <p className="vv-intro">
        A version vector keeps one counter per node: how many of that node&rsquo;s writes a version has seen. Compare two vectors entry by entry and you know whether one
        version can replace the other, or whether they conflict. A node missing from a vector counts as 0.
      </p>
      <div className="vv-top">
        <div>
          <h3>Examples from the module</h3>
          <ul className="vv-examples">
            {MODULE_EXAMPLES.map(([ea, eb], i) => (
              <li key={i}>
                <button type="button" className="quiet" onClick={() => load(ea, eb)}>
                  Example {i + 1}: {format(toVector(ea))} and {format(toVector(eb))}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Where the examples come from</h3>
          <ol className="vv-story small">
            {MODULE_STORY.map((step) => (
              <li key={step}>
                <Notated text={step} />
              </li>
            ))}
          </ol>
        </div>
      </div>
      <div className="vv-editors">
        <VectorEditor side="A" rows={cmp.A} problems={a.problems} dispatch={dispatch} baseId={id} />
        <VectorEditor side="B" rows={cmp.B} problems={b.problems} dispatch={dispatch} baseId={id} />
      </div>
      <h3 id={`${id}-verdict`} ref={verdictHeading} tabIndex={-1} className="vv-verdict-title">
        Verdict
      </h3>
      <div role="status" aria-labelledby={`${id}-verdict`} className={`vv-verdict ${result?.verdict ?? 'invalid'}`}>
        {result ? (
          <>
            <p className="vv-headline">{result.headline}</p>
            <p>{result.reason}</p>
          </>
        ) : (
          <p>Nothing to compare until the entries marked above are fixed.</p>
        )}
      </div>
      {result && compared && <Comparison result={result} linkTo={writeParams('', { lab: LAB_PARAM, ...VECTOR_PARAMS }, { lab: 'conflicts', ...compared })} />}
      <SiblingDemo onCompare={loadAndShow} />
    </section>
  );
}

interface EditorProps {
  readonly side: Side;
  readonly rows: readonly Row[];
  readonly problems: ReadonlyMap<number, string>;
  readonly dispatch: Dispatch<ComparerAction>;
  readonly baseId: string;
}

function VectorEditor({ side, rows, problems, dispatch, baseId }: EditorProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const full = rows.length >= MAX_ENTRIES;
  return (
    <fieldset className="vv-editor">
      <legend>Vector {side}</legend>
      {rows.length === 0 && <p className="small muted">No entries: every count is 0.</p>}
      {rows.map((r, i) => {
        const nameId = `${baseId}-name-${r.id}`;
        const countId = `${baseId}-count-${r.id}`;
        const problemId = `${baseId}-problem-${r.id}`;
        const problem = problems.get(r.id);
        const shownName = r.node.trim() || `node ${i + 1}`;
        return (
          <div key={r.id} className="vv-entry">
            <div className="vv-row">
              <div className="field vv-name">
                <label htmlFor={nameId}>
                  Node<span className="visually-hidden"> {i + 1} of {side}</span>
                </label>
                <input
                  id={nameId}
                  value={r.node}
                  maxLength={MAX_NAME_LENGTH}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(e) => dispatch({ type: 'name', side, id: r.id, node: e.target.value })}
                />
              </div>
              <div className="field vv-count">
                <label htmlFor={countId}>
                  Count<span className="visually-hidden">{` for ${shownName} in ${side}`}</span>
                </label>
                <input
                  id={countId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1_000_000_000}
                  step={1}
                  value={r.count}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(e) => dispatch({ type: 'count', side, id: r.id, count: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="quiet"
                onClick={() => {
                  dispatch({ type: 'remove', side, id: r.id });
                  addButton.current?.focus();
                }}
              >
                Remove<span className="visually-hidden">{` ${shownName} from ${side}`}</span>
              </button>
            </div>
            {problem && (
              <p id={problemId} className="error-text small">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <div className="button-row">
        <button type="button" ref={addButton} disabled={full} onClick={() => dispatch({ type: 'add', side })}>
          Add a node to {side}
        </button>
        {full && <span className="small muted">At most {MAX_ENTRIES} entries.</span>}
      </div>
    </fieldset>
  );
}

function Comparison({ result, linkTo }: { result: Explanation; linkTo: string }) {
  const id = useId();
  return (
    <>
      {result.rows.length > 0 && (
        <div className="table-scroll vv-table" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
          <table>
            <caption id={`${id}-caption`}>Entries of A and B, node by node</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">Merged</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.node}>
                  <th scope="row">{r.node}</th>
                  <EntryCell value={r.a} missing={r.aMissing} ahead={r.ahead === 'A' ? 'A ahead' : null} />
                  <EntryCell value={r.b} missing={r.bMissing} ahead={r.ahead === 'B' ? 'B ahead' : null} />
                  <td>{r.merged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="vv-merged">
        <strong>Merged</strong> (the larger count at every node): <code>{result.mergedText}</code>. <Notated text={result.mergedMeaning} />
      </p>
      <p className="small muted">
        <a href={linkTo}>Link to this comparison</a>
      </p>
    </>
  );
}

function EntryCell({ value, missing, ahead }: { value: number; missing: boolean; ahead: string | null }) {
  return (
    <td className={ahead ? 'vv-ahead' : undefined}>
      {value}
      {missing && <span className="muted"> (no entry)</span>}
      {ahead && (
        <>
          {' '}
          <span className="vv-tag">
            <span aria-hidden="true">▲ </span>
            {ahead}
          </span>
        </>
      )}
    </td>
  );
}

function SiblingDemo({ onCompare }: { onCompare: Load }) {
  const id = useId();
  const [demo, act] = useReducer(demoReducer, INITIAL_DEMO);
  const [value, setValue] = useState('v1');
  const [tried, setTried] = useState(false);
  const problem = valueProblem(value);
  const showProblem = tried && problem !== null;
  const write = (node: DemoNode) => {
    if (problem) {
      setTried(true);
      return;
    }
    act({ type: 'write', node, value });
    setTried(false);
    setValue(`v${demo.writes + 2}`);
  };
  return (
    <section className="vv-demo" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Siblings, live</h3>
      <p>{SIBLING_DEMO_INTRO}</p>
      <VersionNotation />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-value`}>Value to write</label>
          <input
            id={`${id}-value`}
            value={value}
            maxLength={MAX_VALUE_LENGTH}
            autoComplete="off"
            aria-invalid={showProblem ? true : undefined}
            aria-describedby={showProblem ? `${id}-value-problem` : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <button type="button" onClick={() => act({ type: 'sync' })}>
          Sync Node1 and Node2
        </button>
      </div>
      {showProblem && (
        <p id={`${id}-value-problem`} className="error-text small">
          {problem}
        </p>
      )}
      <div className="vv-replicas">
        {DEMO_NODES.map((node) => (
          <ReplicaCard key={node} node={node} replica={demo.replicas[node]} onWrite={() => write(node)} onRead={() => act({ type: 'read', node })} onCompare={onCompare} />
        ))}
      </div>
      <p role="status" aria-label="What just happened" className="vv-event">
        {demo.event}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="quiet"
          onClick={() => {
            act({ type: 'story' });
            setValue('v4');
          }}
        >
          Replay the module&rsquo;s story
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => {
            act({ type: 'reset' });
            setValue('v1');
          }}
        >
          Start over
        </button>
      </div>
    </section>
  );
}

interface CardProps {
  readonly node: DemoNode;
  readonly replica: DemoReplica;
  readonly onWrite: () => void;
  readonly onRead: () => void;
  readonly onCompare: Load;
}

function ReplicaCard({ node, replica, onWrite, onRead, onCompare }: CardProps) {
  const id = useId();
  const sibs = replica.state;
  const pair = sibs.length >= 2 ? [siblingEntries(sibs[0]!), siblingEntries(sibs[1]!)] : null;
  const read = replica.lastRead;
  return (
    <div className="vv-replica" role="group" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`}>{node}</h4>
      <div className="button-row">
        <button type="button" onClick={onWrite}>
          Write at {node}
        </button>
        <button type="button" onClick={onRead}>
          Read at {node}
        </button>
      </div>
      <p className="small">
        {sibs.length === 0 ? 'Holds nothing yet.' : sibs.length === 1 ? 'Holds one version:' : `Holds ${sibs.length} siblings, with concurrent versions:`}
      </p>
      {sibs.length > 0 && (
        <ul className="vv-siblings" aria-label={`Versions at ${node}`}>
          {sibs.map((s) => (
            <li key={`${s.dot.node}:${s.dot.counter}`}>
              <span className="vv-value">&ldquo;{s.value}&rdquo;</span> <code>{siblingVersion(s)}</code>
            </li>
          ))}
        </ul>
      )}
      {pair?.[0] && pair[1] && (
        <button type="button" className="quiet" onClick={() => onCompare(pair[0]!, pair[1]!)}>
          Compare these siblings as A and B<span className="visually-hidden">{` (at ${node})`}</span>
        </button>
      )}
      <p className="small muted">
        The client here has seen <code>{versionText(replica.seen)}</code>; its next write starts from that and adds one at this replica.
      </p>
      {read && (
        <p className="small vv-read">
          Last read here: {read.values.length === 0 ? 'nothing' : read.values.length === 1 ? `one value, “${read.values[0]!}”` : `${read.values.length} values, ${read.values.map((v) => `“${v}”`).join(' and ')}`}
          .
        </p>
      )}
    </div>
  );
}
