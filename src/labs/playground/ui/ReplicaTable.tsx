import { useId } from 'react';
import { selectRun } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { formatSeconds } from '../../../components/PlaybackBar.tsx';
import { useMoment } from '../../../components/useMoment.ts';

/** The same state as the picture, as a table: one row per replica, one column per key. */
export function ReplicaTable() {
  const run = useLab(selectRun);
  const model = useMoment();
  const id = useId();
  return (
    <section className="panel table-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Replica state as a table</h2>
      <p className="small muted">At t = {formatSeconds(model.moment.at)}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Replica state (scrolls sideways on a narrow screen)">
        <table>
          <caption className="visually-hidden">What each replica holds at the playhead, and how far behind it is</caption>
          <thead>
            <tr>
              <th scope="col">Replica</th>
              <th scope="col">Status</th>
              {model.keys.map((k) => (
                <th scope="col" key={k}>
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {run.replicas.map((r) => {
              const cells = model.cells.get(r) ?? [];
              const skew = model.moment.skew.get(r) ?? 0;
              return (
                <tr key={r}>
                  <th scope="row">{r}</th>
                  <td>
                    {model.moment.down.has(r) ? 'down' : 'up'}
                    {skew !== 0 ? `, clock ${skew > 0 ? '+' : ''}${skew} ms` : ''}
                  </td>
                  {model.keys.map((k) => {
                    const c = cells.find((x) => x.key === k);
                    return <td key={k}>{c ? `${c.description}${c.behind > 0 ? ` (${c.behind} behind)` : ''}` : 'not a replica of this key'}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
