import { useId, useMemo } from 'react';
import { board, THRESHOLDS, type Board } from '../../analysis/monitoring.ts';
import type { NodeId } from '../../sim/ids.ts';
import { selectRun } from '../../store/labStore.ts';
import { useLab } from '../../store/LabStoreContext.tsx';
import { formatMs, formatPercent } from '../../view/format.ts';
import { useThrottledTime } from '../useThrottledTime.ts';
import './monitoring.css';

/** Past this many operations the board would cost more than a frame to recompute: it says so instead. */
const MAX_OPS = 1500;

/**
 * The monitoring board for the run on stage, up to the playhead: each replica's
 * replication lag over time against the 5 s alert line, convergence-time percentiles,
 * and the stale-read and conflict rates against theirs (the course's convergence diagrams'
 * thresholds). Each alert is named when it fires; the faults make it fire and clear.
 */
export function MonitoringBoard() {
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const id = useId();
  const ops = run.sim.trace.ops;
  const tooMany = ops.length > MAX_OPS;
  const b = useMemo(() => {
    if (tooMany || time <= 0) return null;
    const changes = [...run.sim.trace.changes];
    return board(ops, changes, (key) => run.sim.preferenceList(key), run.sim.strategy, time, Math.max(100, time / 150));
  }, [run, ops, time, tooMany]);
  return (
    <section className="panel monitoring-board" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Monitoring board</h2>
      {tooMany ? (
        <p>This run has {ops.length.toLocaleString('en')} operations; the board reads up to {MAX_OPS.toLocaleString('en')}.</p>
      ) : b === null ? (
        <p>Play the run, or move the timeline: the board reads the run up to the playhead.</p>
      ) : (
        <BoardBody b={b} time={time} />
      )}
    </section>
  );
}

function BoardBody({ b, time }: { readonly b: Board; readonly time: number }) {
  const last = b.lag.at(-1)?.lag ?? {};
  const behind = Object.entries(last).filter(([, l]) => l > THRESHOLDS.lagMs);
  const p = b.convergencePercentiles;
  return (
    <>
      <ul className="alerts" aria-label="Alerts">
        <Alert firing={b.alerts.lag} name={`Replication lag over ${THRESHOLDS.lagMs / 1000} s`} detail={behind.length > 0 ? behind.map(([n, l]) => `${n} ${formatMs(l)} behind`).join(', ') : 'every replica within it'} />
        <Alert firing={b.alerts.staleReads} name={`Stale reads over ${formatPercent(THRESHOLDS.staleRate)}`} detail={`${formatPercent(b.staleRate)} of reads so far`} />
        <Alert firing={b.alerts.conflicts} name={`Conflicts over ${formatPercent(THRESHOLDS.conflictRate)}`} detail={`${formatPercent(b.conflictRate)} of acknowledged writes so far`} />
      </ul>
      <LagChart b={b} time={time} />
      <p>
        Time for an acknowledged write to reach every replica of its key: {p === null ? 'no write has yet' : `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}`}
        {b.unconverged > 0 ? `; ${b.unconverged} not yet everywhere` : ''}.
      </p>
      <details>
        <summary>How the board measures</summary>
        <p>
          A replica’s lag is how long ago the oldest acknowledged write it should hold, and does not while another replica does, was acknowledged. A write no replica holds any more is lost, not late, and counts for no one’s lag. A stale read missed a
          write acknowledged before the read began. A conflict is an acknowledged write whose replica, when it took the write, lacked an earlier acknowledged write of the same key.
        </p>
      </details>
    </>
  );
}

/** A time, with its unit even at zero. */
const ms = (x: number) => (x === 0 ? '0 ms' : formatMs(x));

function Alert({ firing, name, detail }: { readonly firing: boolean; readonly name: string; readonly detail: string }) {
  return (
    <li className={firing ? 'firing' : 'quiet'}>
      <span aria-hidden="true">{firing ? '▲' : '●'}</span> <strong>{name}:</strong> {firing ? 'firing' : 'quiet'} ({detail})
    </li>
  );
}

const W = 300;
const H = 110;

/** Each replica's lag over time, and the alert line. */
function LagChart({ b, time }: { readonly b: Board; readonly time: number }) {
  const nodes = Object.keys(b.lag[0]?.lag ?? {}) as NodeId[];
  const top = Math.max(THRESHOLDS.lagMs * 1.4, ...b.lag.flatMap((s) => Object.values(s.lag)));
  const x = (t: number) => 30 + (t / Math.max(time, 1)) * (W - 40);
  const y = (ms: number) => 8 + (1 - ms / top) * (H - 24);
  const line = y(THRESHOLDS.lagMs);
  const summary = nodes.map((n) => `${n} ${formatMs(b.lag.at(-1)?.lag[n] ?? 0)}`).join(', ');
  return (
    <figure className="lag-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Replication lag per replica up to ${formatMs(time)}; now ${summary}. Alert line at ${THRESHOLDS.lagMs / 1000} s.`}>
        <line x1={30} x2={W - 10} y1={line} y2={line} className="threshold" />
        <text x={W - 10} y={line - 3} textAnchor="end" className="threshold-label">
          alert: {THRESHOLDS.lagMs / 1000} s
        </text>
        <line x1={30} x2={W - 10} y1={y(0)} y2={y(0)} className="axis" />
        <text x={26} y={y(0) + 4} textAnchor="end">
          0
        </text>
        {nodes.map((n, i) => (
          <g key={n} className={`lag-line lag-${i}`}>
            <polyline points={b.lag.map((s) => `${x(s.at).toFixed(1)},${y(s.lag[n] ?? 0).toFixed(1)}`).join(' ')} />
            <text x={x(time) + 2} y={y(b.lag.at(-1)?.lag[n] ?? 0) + 4 - i * 9}>
              {n}
            </text>
          </g>
        ))}
        <text x={30} y={H - 2}>
          0 s
        </text>
        <text x={W - 10} y={H - 2} textAnchor="end">
          {formatMs(time)}
        </text>
      </svg>
    </figure>
  );
}
