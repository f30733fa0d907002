import { Field } from '../../../components/Field.tsx';
import { Suspense, lazy, useId, useState } from 'react';
import type { ClusterConfig } from '../../../sim/scenario.ts';
import type { NodeId } from '../../../sim/ids.ts';
import { selectRun, selectScenario, selectSelection, type Selection } from '../../../store/labStore.ts';
import { useThrottledTime } from '../../../components/useThrottledTime.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import { describeOutcome } from '../../../view/narration.ts';
import { FATE_WORDS, KIND_STYLES } from '../../../view/messageStyle.ts';
import { formatSeconds } from '../../../components/PlaybackBar.tsx';
import { useMoment } from '../../../components/useMoment.ts';
import { valueWords } from '../../../view/valueWords.ts';
import { useLostWriteWords } from '../../../components/useLostWriteWords.ts';

const SessionLine = lazy(() => import('./SessionInspector.tsx').then((m) => ({ default: m.SessionLine })));
const HeldHere = lazy(() => import('./SessionInspector.tsx').then((m) => ({ default: m.HeldHere })));

/** Whether a run carries session settings (from a link or a file): then the inspector says what sessions carry and replicas hold back. */
function hasSessions(c: ClusterConfig): boolean {
  return c.sticky || c.sessionReads !== 'off' || c.causalDelivery !== 'off';
}

/** Everything about the selected replica, client, link, message or operation, and what can be done to it. */
export function Inspector() {
  const selection = useLab(selectSelection);
  const id = useId();
  return (
    <section className="panel inspector" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Inspector</h2>
      {selection ? <Details selection={selection} /> : <p className="muted">Select a replica, client, link or message in the picture to see everything about it.</p>}
    </section>
  );
}

function Details({ selection }: { selection: Selection }) {
  const run = useLab(selectRun);
  switch (selection.kind) {
    case 'node':
      return run.replicas.includes(selection.id) ? <ReplicaDetails key={selection.id} id={selection.id} /> : <ClientDetails id={selection.id} />;
    case 'link':
      return <LinkDetails a={selection.a} b={selection.b} />;
    case 'message':
      return <MessageDetails id={selection.id} />;
    case 'op':
      return <OpDetails id={selection.id} />;
  }
}

function ReplicaDetails({ id }: { id: NodeId }) {
  const store = useLabStoreApi();
  const model = useMoment();
  const down = model.moment.down.has(id);
  const skew = model.moment.skew.get(id) ?? 0;
  const [lose, setLose] = useState(false);
  const [newSkew, setNewSkew] = useState(skew);
  const cells = model.cells.get(id) ?? [];
  const act = store.getState().act;
  // With writes on disk at once there is nothing a crash could lose.
  const scenario = useLab(selectScenario);
  const durable = scenario.cluster.durabilityMs === 0;
  return (
    <div>
      <h3>Replica {id}</h3>
      <p>
        {down ? 'Down: it receives nothing and sends nothing.' : 'Up.'} Clock {skew === 0 ? 'exact' : `${Math.abs(skew)} ms ${skew > 0 ? 'ahead' : 'behind'}`}.
      </p>
      {cells.length === 0 ? (
        <p className="muted">It replicates no key written so far.</p>
      ) : (
        <dl className="kv">
          {cells.map((c) => (
            <div key={c.key}>
              <dt>{c.key}</dt>
              <dd>
                <code>{c.description}</code>
                {c.behind > 0 ? ` — ${c.behind} acknowledged write${c.behind === 1 ? '' : 's'} behind` : ' — up to date'}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {hasSessions(scenario.cluster) && (
        <Suspense fallback={null}>
          <HeldHere id={id} />
        </Suspense>
      )}
      <div className="button-row">
        {down ? (
          <button type="button" onClick={() => act({ type: 'recover', node: id })}>
            Recover {id}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => act({ type: 'crash', node: id, ...(lose ? { loseUndurable: true } : {}) })}>
              Crash {id}
            </button>
            {durable ? null : (
              <label className="check">
                <input type="checkbox" checked={lose} onChange={(e) => setLose(e.target.checked)} /> lose writes not yet on disk
              </label>
            )}
          </>
        )}
      </div>
      <div className="field-row">
        <Field label="Clock skew (ms)">
          {(fieldId) => (
            <input id={fieldId} type="number" step={100} min={-5000} max={5000} value={newSkew} onChange={(e) => setNewSkew(Math.max(-5000, Math.min(5000, Number(e.target.value) || 0)))} />
          )}
        </Field>
        <button type="button" onClick={() => act({ type: 'set-skew', node: id, ms: newSkew })}>
          Set {id}’s clock
        </button>
      </div>
    </div>
  );
}

function ClientDetails({ id }: { id: NodeId }) {
  const model = useMoment();
  const run = useLab(selectRun);
  const ops = model.ops.filter((o) => o.op.client === id);
  return (
    <div>
      <h3>Client {id}</h3>
      <p>{ops.length === 0 ? 'It has not done anything yet.' : `${ops.length} operation${ops.length === 1 ? '' : 's'} so far.`}</p>
      {hasSessions(run.scenario.cluster) && (
        <Suspense fallback={null}>
          <SessionLine id={id} />
        </Suspense>
      )}
      <ul className="plain">
        {ops.slice(-6).map(({ op, status }) => (
          <li key={op.id}>{status === 'pending' ? `${op.kind} ${op.key} — waiting` : describeOutcome(op, model.markOf(op), valueWords(run.sim.strategy.id))}</li>
        ))}
      </ul>
    </div>
  );
}

function LinkDetails({ a, b }: { a: NodeId; b: NodeId }) {
  const store = useLabStoreApi();
  const model = useMoment();
  const ab = model.moment.cuts.has(`${a}>${b}`);
  const ba = model.moment.cuts.has(`${b}>${a}`);
  const act = store.getState().act;
  return (
    <div>
      <h3>
        Link {a}–{b}
      </h3>
      <p>
        {a}→{b}: {ab ? 'cut' : 'open'}. {b}→{a}: {ba ? 'cut' : 'open'}.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => act({ type: 'cut', from: a, to: b })} disabled={ab && ba}>
          Cut both ways
        </button>
        <button type="button" onClick={() => act({ type: 'cut', from: a, to: b, oneWay: true })} disabled={ab}>
          Cut {a}→{b} only
        </button>
        <button type="button" onClick={() => act({ type: 'cut', from: b, to: a, oneWay: true })} disabled={ba}>
          Cut {b}→{a} only
        </button>
        <button type="button" onClick={() => act({ type: 'heal', from: a, to: b })} disabled={!ab && !ba}>
          Heal
        </button>
      </div>
    </div>
  );
}

function MessageDetails({ id }: { id: number }) {
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const m = run.sim.trace.messages.get(id);
  if (!m || m.sentAt > time) return <p className="muted">That message has not been sent at this moment.</p>;
  // The trace knows how the message ends; the inspector tells only what has happened by the playhead.
  const ended = m.fate !== 'in-flight' && m.endAt <= time;
  const style = KIND_STYLES[m.kind];
  const key = m.key;
  return (
    <div>
      <h3>
        Message #{m.id}: {style.label}
      </h3>
      <p>{style.description}.</p>
      <dl className="kv">
        <div>
          <dt>Route</dt>
          <dd>
            {m.from} → {m.to}
          </dd>
        </div>
        {key !== null && (
          <div>
            <dt>Key</dt>
            <dd>{key}</dd>
          </div>
        )}
        <div>
          <dt>Sent</dt>
          <dd>{formatSeconds(m.sentAt)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatSeconds(m.deliverAt)}</dd>
        </div>
        <div>
          <dt>Fate</dt>
          <dd>{ended ? `${FATE_WORDS[m.fate]} at ${formatSeconds(m.endAt)}` : FATE_WORDS['in-flight']}</dd>
        </div>
        {m.state !== null && m.state !== undefined && (
          <div>
            <dt>Carries</dt>
            <dd>
              <code>{valueWords(run.sim.strategy.id).describe(m.state)}</code>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

function OpDetails({ id }: { id: number }) {
  const model = useMoment();
  const run = useLab(selectRun);
  const say = useLostWriteWords(model.lost.length > 0);
  const entry = model.ops.find((o) => o.op.id === id);
  if (!entry) return <p className="muted">That operation has not started at this moment.</p>;
  const { op, status } = entry;
  const lost = model.lost.find((l) => l.write === op);
  return (
    <div>
      <h3>
        Operation #{op.id}: {op.kind} {op.key}
        {op.value !== null ? `=${op.value}` : ''}
      </h3>
      <p>
        From {op.client} through {op.coordinator}, started at {formatSeconds(op.invokedAt)}.
      </p>
      <p>{status === 'pending' ? 'Waiting for an answer.' : describeOutcome(op, model.markOf(op), valueWords(run.sim.strategy.id))}</p>
      {lost && say && <p className="warn-text">{say(lost, run.sim.trace, valueWords(run.sim.strategy.id))}</p>}
    </div>
  );
}
