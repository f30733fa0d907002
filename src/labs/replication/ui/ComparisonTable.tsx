import { useId, useMemo } from 'react';
import { formatMs } from '../../../view/format.ts';
import { compareSetups, scenarioFor, SETUP_NAMES, type FaultId, type RunFigures, type SetupId } from '../model/replicationRuns.ts';

interface Props {
  readonly fault: FaultId;
  readonly followerReads: boolean;
  /** The setup on the stage, marked in the table and the chart. */
  readonly current: SetupId;
  readonly onPick: (setup: SetupId) => void;
}

/** What each setup's run measured, as a table, and its trouble (lost, stale, unavailable) as a chart. */
export function ComparisonTable({ fault, followerReads, current, onPick }: Props) {
  const id = useId();
  // Four runs of 15 s with a few hundred operations: a few milliseconds, done once per choice.
  const rows = useMemo(() => compareSetups(fault, followerReads), [fault, followerReads]);
  const ops = scenarioFor(current, fault, followerReads).script.filter((a) => a.type === 'write' || a.type === 'read').length;
  return (
    <section className="panel replication-compare" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>The same workload and faults, replicated five ways</h2>
      <p>
        Each run has the same {ops} writes and reads from c1 and c2, at the same moments, and the fault schedule chosen above. Figures are measured from each run’s history once it ends at 15 s.
      </p>
      <div className="table-scroll" role="region" aria-label="Measured per setup (the table scrolls sideways on a narrow screen)" tabIndex={0}>
        <table>
          <caption className="visually-hidden">Measured per setup</caption>
          <thead>
            <tr>
              <th scope="col">Setup</th>
              <th scope="col">Write latency p50 / p99</th>
              <th scope="col">Read latency p50 / p99</th>
              <th scope="col">Writes lost</th>
              <th scope="col">Stale reads</th>
              <th scope="col">Unavailable requests</th>
              <th scope="col">Converged after the last write</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.setup} aria-current={r.setup === current ? 'true' : undefined}>
                <th scope="row">
                  {r.setup === current ? (
                    <>
                      {SETUP_NAMES[r.setup]} <span className="tag">on stage</span>
                    </>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onPick(r.setup)}>
                      {SETUP_NAMES[r.setup]}
                    </button>
                  )}
                </th>
                <td>{pair(r.m.writeLatency.p50, r.m.writeLatency.p99, r.m.writeLatency.count)}</td>
                <td>{pair(r.m.readLatency.p50, r.m.readLatency.p99, r.m.readLatency.count)}</td>
                <td>
                  {r.lost} of {r.m.writes - r.m.failedWrites} acknowledged
                </td>
                <td>
                  {r.m.staleReads} of {r.m.reads - r.m.failedReads}
                </td>
                <td>
                  {r.unavailable} of {r.m.writes + r.m.reads}
                </td>
                <td>{r.convergeMs === null ? 'not by 15 s' : formatMs(r.convergeMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">
        Writes lost means two things here. With one leader: acknowledged writes the leader’s log does not have. Without a leader nothing is rolled back, so it counts acknowledged writes that
        an older write beat (a clock running ahead); two concurrent writes where last write wins keeps one are not counted, as either order would be right for a register.
      </p>
      <TroubleChart rows={rows} current={current} />
    </section>
  );
}

function pair(p50: number, p99: number, count: number): string {
  return count === 0 ? 'none answered' : `${formatMs(p50)} / ${formatMs(p99)}`;
}

const SERIES = [
  { key: 'lost', label: 'writes lost', of: (r: RunFigures) => r.lost },
  { key: 'stale', label: 'stale reads', of: (r: RunFigures) => r.m.staleReads },
  { key: 'unavailable', label: 'unavailable', of: (r: RunFigures) => r.unavailable },
] as const;

/**
 * Three bars per setup: what went wrong, on one scale. The table above holds the same
 * numbers. Each setup's name sits above its bars, so the chart stays legible in a 360 px frame
 * (300 units across: about 12 px type there).
 */
function TroubleChart({ rows, current }: { readonly rows: readonly RunFigures[]; readonly current: SetupId }) {
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => s.of(r))));
  const rowH = 18 + 3 * 15 + 8;
  const barW = 170;
  const width = (n: number) => Math.max(1, (n / max) * barW);
  return (
    <figure className="trouble-chart">
      <svg viewBox={`0 0 300 ${rows.length * rowH}`} role="img" aria-label={rows.map((r) => `${SETUP_NAMES[r.setup]}: ${SERIES.map((s) => `${s.of(r)} ${s.label}`).join(', ')}`).join('; ')}>
        {rows.map((r, i) => (
          <g key={r.setup} transform={`translate(0 ${i * rowH})`} className={r.setup === current ? 'current' : undefined}>
            <text x={0} y={13} className="setup">
              {SETUP_NAMES[r.setup]}
              {r.setup === current ? ' (on stage)' : ''}
            </text>
            {SERIES.map((s, j) => (
              <g key={s.key} transform={`translate(0 ${18 + j * 15})`} className={`bar-${s.key}`}>
                <rect width={width(s.of(r))} height={11} />
                <text x={width(s.of(r)) + 4} y={10}>
                  {s.of(r)} {s.label}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>Lost writes, stale reads and unavailable requests per setup, on one scale.</figcaption>
    </figure>
  );
}
