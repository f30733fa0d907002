import { useId, useMemo } from 'react';
import { measure } from '../../../analysis/measure.ts';
import { STANDARD_WORKLOAD, workload } from '../../../sim/workload.ts';
import { selectRun } from '../../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import { formatMs, formatPercent } from '../../../view/format.ts';
import { useMoment } from '../../../components/useMoment.ts';
import { useThrottledTime } from '../../../components/useThrottledTime.ts';
import { valueWords } from '../../../view/valueWords.ts';
import { useLostWriteWords } from '../../../components/useLostWriteWords.ts';

interface Props {
  /** Called after a workload is added, to start playback. */
  readonly onStarted: () => void;
}

/** Start a workload, crash replicas, and read what the run measured so far. */
export function MeasurementsPanel({ onStarted }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const id = useId();
  // Only what had finished by the playhead: final once the run has been simulated past it.
  const m = useMemo(() => measure(run.sim.trace.ops, run.sim.strategy, time), [run, time]);
  // The moment is computed once per run and time for every panel (run.at).
  const model = useMoment();
  const say = useLostWriteWords(model.lost.length > 0);
  const down = model.moment.down;
  const up = run.replicas.filter((r) => !down.has(r));

  function startWorkload() {
    const state = store.getState();
    const s = state.run.scenario;
    const from = state.time;
    const ops = workload({ ...STANDARD_WORKLOAD, from, clients: s.cluster.clients, coordinators: up, keys: ['x', 'y'], seed: s.seed + s.script.length });
    state.actMany(
      ops.map(({ at, ...op }) => ({ ...op, after: at - from })),
      { kind: 'info', text: `A workload of ${ops.length} reads and writes over ${STANDARD_WORKLOAD.durationMs / 1000} s has started.` },
    );
    onStarted();
  }

  const crashOne = () => store.getState().act({ type: 'crash', node: up[up.length - 1]! });

  const recoverAll = () => store.getState().actMany(run.replicas.filter((r) => !up.includes(r)).map((node) => ({ type: 'recover', node })));

  return (
    <section className="panel measures-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Measured so far</h2>
      <div className="button-row">
        <button type="button" className="primary" onClick={startWorkload} disabled={up.length === 0}>
          Run a workload ({STANDARD_WORKLOAD.durationMs / 1000} s, {STANDARD_WORKLOAD.opsPerSecond} operations a second)
        </button>
        <button type="button" onClick={crashOne} disabled={up.length === 0}>
          Crash a replica
        </button>
        <button type="button" onClick={recoverAll} aria-disabled={up.length === run.replicas.length}>
          Recover all
        </button>
      </div>
      <table className="measures">
        <caption className="visually-hidden">What the operations finished so far measured</caption>
        <tbody>
          <tr>
            <th scope="row">Stale reads</th>
            <td>
              {m.staleReads} of {m.reads - m.failedReads} successful reads ({formatPercent(m.staleRate)})
            </td>
          </tr>
          <tr>
            <th scope="row">Lost writes</th>
            <td>
              {model.lost.length} of {m.writes - m.failedWrites} acknowledged writes
              {model.lost.length > 0 && say && <span className="warn-text"> — {say(model.lost[model.lost.length - 1]!, run.sim.trace, valueWords(run.sim.strategy.id))}</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">Write latency</th>
            <td>
              median {formatMs(m.writeLatency.p50)}, p99 {formatMs(m.writeLatency.p99)}
            </td>
          </tr>
          <tr>
            <th scope="row">Read latency</th>
            <td>
              median {formatMs(m.readLatency.p50)}, p99 {formatMs(m.readLatency.p99)}
            </td>
          </tr>
          <tr>
            <th scope="row">Failed or timed out</th>
            <td>
              {m.failedWrites} of {m.writes} writes, {m.failedReads} of {m.reads} reads
            </td>
          </tr>
          <tr>
            <th scope="row">Replicas up</th>
            <td>
              {up.length} of {run.replicas.length}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
