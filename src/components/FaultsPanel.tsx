import { Field } from './Field.tsx';
import { useId, useState } from 'react';
import type { Distribution } from '../sim/distributions.ts';
import type { NodeId } from '../sim/ids.ts';
import { selectRun } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';
import { useMoment } from './useMoment.ts';

interface Props {
  readonly drawing: boolean;
  readonly onToggleDrawing: () => void;
}

export const LATENCY_CHOICES: { id: string; label: string; dist: Distribution }[] = [
  { id: 'lan', label: 'Fast and even (40–120 ms)', dist: { kind: 'uniform', min: 40, max: 120 } },
  { id: 'exp', label: 'Varied (exponential, mean 80 ms)', dist: { kind: 'exponential', rate: 1 / 80 } },
  { id: 'tail', label: 'Long tail (Pareto, 30 ms minimum)', dist: { kind: 'pareto', xm: 30, alpha: 1.6 } },
  { id: 'slow', label: 'Slow (300–600 ms)', dist: { kind: 'uniform', min: 300, max: 600 } },
];

/** Cut and heal links, split the cluster, and change latency and loss. */
export function FaultsPanel({ drawing, onToggleDrawing }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const model = useMoment();
  const id = useId();
  const nodes = [...run.replicas, ...run.clients];
  const [from, setFrom] = useState<string>(run.replicas[0] ?? '');
  const [to, setTo] = useState<string>(run.replicas[1] ?? '');
  const [oneWay, setOneWay] = useState(false);
  const [group, setGroup] = useState<ReadonlySet<string>>(new Set());
  const cuts = [...model.moment.cuts];
  const act = store.getState().act;
  const [latency, setLatency] = useState('lan');
  const [loss, setLoss] = useState(0);
  const sameNode = from === to;

  const partitionGroups = (): NodeId[][] => [nodes.filter((n) => group.has(n)), nodes.filter((n) => !group.has(n))];

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Network faults</h2>
      <fieldset>
        <legend>One link</legend>
        <div className="field-row">
          <Field label="From">
            {(fieldId) => (
              <select id={fieldId} value={from} onChange={(e) => setFrom(e.target.value)}>
                {nodes.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="To">
            {(fieldId) => (
              <select id={fieldId} value={to} onChange={(e) => setTo(e.target.value)}>
                {nodes.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" checked={oneWay} onChange={(e) => setOneWay(e.target.checked)} /> one way only
          </label>
        </div>
        <div className="button-row">
          <button type="button" disabled={sameNode} onClick={() => act({ type: 'cut', from, to, ...(oneWay ? { oneWay } : {}) })}>
            Cut {from}
            {oneWay ? '→' : '↔'}
            {to}
          </button>
          <button type="button" disabled={sameNode} onClick={() => act({ type: 'heal', from, to, ...(oneWay ? { oneWay } : {}) })}>
            Heal {from}
            {oneWay ? '→' : '↔'}
            {to}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Partition</legend>
        <p className="small muted">Tick the nodes on one side, or draw a line across the picture.</p>
        <div className="check-grid">
          {nodes.map((n) => (
            <label key={n} className="check">
              <input
                type="checkbox"
                checked={group.has(n)}
                onChange={(e) => {
                  const next = new Set(group);
                  if (e.target.checked) next.add(n);
                  else next.delete(n);
                  setGroup(next);
                }}
              />{' '}
              {n}
            </label>
          ))}
        </div>
        <div className="button-row">
          <button type="button" disabled={group.size === 0 || group.size === nodes.length} onClick={() => act({ type: 'partition', groups: partitionGroups() })}>
            Split off the ticked nodes
          </button>
          <button type="button" aria-pressed={drawing} onClick={onToggleDrawing}>
            {drawing ? 'Stop drawing' : 'Draw a partition'}
          </button>
          {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
          <button type="button" aria-disabled={cuts.length === 0} onClick={() => cuts.length > 0 && act({ type: 'heal-all' })}>
            Heal everything
          </button>
        </div>
      </fieldset>
      <p className="small" aria-live="off">
        {cuts.length === 0 ? 'No links are cut.' : `Cut: ${cuts.map((c) => c.replace('>', '→')).join(', ')}`}
      </p>
      <fieldset>
        <legend>Latency and loss</legend>
        <div className="field-row">
          <Field label="Latency">
            {(fieldId) => (
              <select id={fieldId} value={latency} onChange={(e) => setLatency(e.target.value)}>
                {LATENCY_CHOICES.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={<>Loss {loss}%</>}>
            {(fieldId) => (
              <input id={fieldId} type="range" min={0} max={50} step={5} value={loss} onChange={(e) => setLoss(Number(e.target.value))} />
            )}
          </Field>
        </div>
        <button type="button" onClick={() => act({ type: 'set-network', latency: LATENCY_CHOICES.find((c) => c.id === latency)!.dist, loss: loss / 100 })}>
          Apply from now on
        </button>
      </fieldset>
    </section>
  );
}
