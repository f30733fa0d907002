import { useEffect, useId, useState } from 'react';
import { tradeoffs, type TradeoffRow } from '../../../analysis/tradeoffs.ts';
import { makeScenario } from '../../../sim/scenario.ts';
import { formatMs } from '../../../view/format.ts';

const share = (x: number) => (x === 1 ? 'all' : x === 0 ? 'none' : `${Math.round(100 * x)}%`);

interface Measured {
  readonly w: number;
  readonly r: number;
  readonly two: TradeoffRow;
  readonly four: TradeoffRow;
}

/**
 * The learner's W and R for each goal, run on the quorum lab's workload: healthy (stale
 * reads, median times), then with two and with four of the replicas down (what still
 * succeeds). One setting per task, so the page keeps answering while it measures.
 */
export function QuorumEvidence({ n, settings, labels }: { readonly n: number; readonly settings: readonly { readonly w: number; readonly r: number }[]; readonly labels: readonly string[] }) {
  const id = useId();
  const [rows, setRows] = useState<readonly Measured[]>([]);
  const key = JSON.stringify(settings);
  useEffect(() => {
    let stopped = false;
    const out: Measured[] = [];
    const base = makeScenario({ seed: 1, cluster: { replicas: n, n, w: 1, r: 1, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0 } });
    const next = (i: number) => {
      if (stopped || i >= settings.length) return;
      const { w, r } = settings[i]!;
      const [two] = tradeoffs(base, [{ w, r }], 2);
      const [four] = tradeoffs(base, [{ w, r }], 4);
      out.push({ w, r, two: two!, four: four! });
      setRows([...out]);
      setTimeout(() => next(i + 1), 0);
    };
    const t = setTimeout(() => next(0), 0);
    return () => {
      stopped = true;
      clearTimeout(t);
    };
    // The settings, by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, n]);
  return (
    <section className="quiz-evidence" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Your settings, run</h3>
      <p className="small">The quorum lab’s workload on {n} replicas, 15 seconds of reads and writes of one key, healthy and then with replicas down from the start.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Your settings measured (scrolls sideways on a narrow screen)">
        <table>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col">Stale reads, healthy</th>
              <th scope="col">Median write / read</th>
              <th scope="col">Writes / reads that worked, 2 down</th>
              <th scope="col">Writes / reads that worked, 4 down</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m, i) => (
              <tr key={i}>
                <th scope="row">
                  {labels[i]} W = {m.w}, R = {m.r}
                </th>
                <td>
                  {m.two.healthy.staleReads} of {m.two.healthy.reads}
                </td>
                <td>
                  {formatMs(m.two.healthy.writeLatency.p50)} / {formatMs(m.two.healthy.readLatency.p50)}
                </td>
                <td>
                  {share(m.two.degraded.writeAvailability)} / {share(m.two.degraded.readAvailability)}
                </td>
                <td>
                  {share(m.four.degraded.writeAvailability)} / {share(m.four.degraded.readAvailability)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length < settings.length && <p role="status">Running your settings… ({rows.length} of {settings.length})</p>}
      <p className="small">
        A run with no stale reads does not prove a setting strong: with W + R ≤ N a read can miss a write, and whether one did depends on timing. The rule, W + R &gt; N
        with strict quorums, is what promises it.
      </p>
    </section>
  );
}
