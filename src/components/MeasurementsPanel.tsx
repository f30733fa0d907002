import { useId, useMemo } from 'react';
import { measure } from '../analysis/measure.ts';
import { workload } from '../sim/workload.ts';
import { selectRun, selectRunVersion } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';
import { formatMs, formatPercent } from '../view/format.ts';
import { useThrottledTime } from './useThrottledTime.ts';

interface Props {
  /** Called after a workload is added, to start playback. */
  readonly onStarted: () => void;
}

const WORKLOAD_MS = 10_000;

/** Start a workload, crash replicas, and read what the run measured so far. */
export function MeasurementsPanel({ onStarted }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const version = useLab(selectRunVersion);
  const time = useThrottledTime();
  const id = useId();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const m = useMemo(() => measure(run.sim.trace.ops, run.sim.strategy, time), [run, version, time]);
  const up = run.replicas.filter((r) => !run.timeline.moment(time, run.replicas).down.has(r));

  function startWorkload() {
    const state = store.getState();
    const s = state.run.scenario;
    const ops = workload({ from: state.time, durationMs: WORKLOAD_MS, opsPerSecond: 20, readFraction: 0.5, clients: s.cluster.clients, coordinators: up, keys: ['x', 'y'], seed: s.seed + s.script.length });
    state.load({ ...s, script: [...s.script.filter((a) => a.at <= state.time), ...ops] }, state.time, { kind: 'info', text: `A workload of ${ops.length} reads and writes over ${WORKLOAD_MS / 1000} s has started.` });
    onStarted();
  }

  function crash(k: number) {
    const victims = up.slice(-k);
    for (const node of victims) store.getState().act({ type: 'crash', node });
  }

  const recoverAll = () => run.replicas.filter((r) => !up.includes(r)).forEach((node) => store.getState().act({ type: 'recover', node }));

  return (
    <section className="panel measures-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Measured so far</h2>
      <div className="button-row">
        <button type="button" className="primary" onClick={startWorkload} disabled={up.length === 0}>
          Run a workload (10 s, 20 operations a second)
        </button>
        <button type="button" onClick={() => crash(1)} disabled={up.length === 0}>
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
