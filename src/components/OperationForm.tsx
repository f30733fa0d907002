import { Field } from './Field.tsx';
import { COORDINATOR_WORDS } from '../content/replicationWords.ts';
import { useId, useState } from 'react';
import { enterWrites } from './enterKey.ts';
import { selectRun } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';

interface Props {
  /** Called after an operation is issued (the lab starts playback so it can be watched). */
  readonly onIssued: () => void;
}

/** Issue a write or a read from a client through a coordinator. */
export function OperationForm({ onIssued }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const id = useId();
  const [client, setClient] = useState<string>(run.clients[0] ?? '');
  const [coordinator, setCoordinator] = useState<string>(run.replicas[0] ?? '');
  const [key, setKey] = useState('x');
  const writes = run.scenario.script.filter((a) => a.type === 'write').length;
  const [value, setValue] = useState('');
  const validKey = /^[A-Za-z0-9_-]{1,16}$/.test(key);
  const nextValue = value.trim() === '' ? String(writes + 1) : value.trim().slice(0, 40);
  const clientOk = run.clients.includes(client as never) ? client : run.clients[0]!;
  const coordOk = run.replicas.includes(coordinator as never) ? coordinator : run.replicas[0]!;

  function issue(kind: 'write' | 'read') {
    if (!validKey) return;
    const state = store.getState();
    if (kind === 'write') state.act({ type: 'write', client: clientOk, coordinator: coordOk, key, value: nextValue });
    else state.act({ type: 'read', client: clientOk, coordinator: coordOk, key });
    if (kind === 'write') setValue('');
    onIssued();
  }

  return (
    // No action here is a form submission: a sandboxed frame without allow-forms blocks those
    // (Write would do nothing while Read worked). Enter in a field writes, as a submit would.
    <form className="panel op-form" aria-labelledby={`${id}-title`} onSubmit={(e) => e.preventDefault()} onKeyDown={(e) => enterWrites(e, () => validKey && issue('write'))}>
      <h2 id={`${id}-title`}>Write or read</h2>
      <div className="field-row">
        <Field label="Client">
          {(fieldId) => (
            <select id={fieldId} value={clientOk} onChange={(e) => setClient(e.target.value)}>
              {run.clients.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Through">
          {(fieldId) => (
            <select id={fieldId} value={coordOk} onChange={(e) => setCoordinator(e.target.value)} aria-describedby={`${id}-coord-help`}>
              {run.replicas.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Key">
          {(fieldId) => (
            <input id={fieldId} value={key} onChange={(e) => setKey(e.target.value)} size={5} maxLength={16} aria-invalid={!validKey} />
          )}
        </Field>
        <Field label="Value">
          {(fieldId) => (
            <input id={fieldId} value={value} onChange={(e) => setValue(e.target.value)} placeholder={String(writes + 1)} size={6} maxLength={40} />
          )}
        </Field>
      </div>
      {!validKey && <p className="error-text">A key is 1 to 16 letters, digits, - or _.</p>}
      <div className="button-row">
        <button type="button" className="primary" disabled={!validKey} onClick={() => issue('write')}>
          Write {key}={nextValue}
        </button>
        <button type="button" onClick={() => issue('read')} disabled={!validKey}>
          Read {key}
        </button>
      </div>
      {/* Folded, so the form stays short enough to sit beside the picture on a laptop's first screen. */}
      <details className="small muted coord-help">
        <summary>What the “Through” replica does, in this lab</summary>
        <p id={`${id}-coord-help`}>{COORDINATOR_WORDS}</p>
      </details>
    </form>
  );
}

