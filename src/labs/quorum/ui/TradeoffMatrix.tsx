import { useId, useMemo, useState } from 'react';
import { Field } from '../../../components/Field.tsx';
import { MODULE_CONFIGS, tradeoffs } from '../../../analysis/tradeoffs.ts';
import type { Scenario } from '../../../sim/scenario.ts';
import { STANDARD_WORKLOAD } from '../../../sim/workload.ts';
import { selectScenario } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { formatMs } from '../../../view/format.ts';

/** How many of the five replicas can be down in the degraded runs; two is the module's case. */
const DOWN_CHOICES = [1, 2, 3, 4] as const;

function share(x: number): string {
  return x === 1 ? 'all' : x === 0 ? 'none' : `${Math.round(100 * x)}%`;
}

/**
 * The module's N = 5 trade-off matrix, filled in by running the same workload under each
 * setting: once healthy, once with two replicas down. Only the seed and the network of the
 * learner's run feed in, so it is computed once for them.
 */
export function TradeoffMatrix() {
  const scenario = useLab(selectScenario);
  const id = useId();
  const { seed, network, cluster } = scenario;
  const [down, setDown] = useState<number>(2);
  const rows = useMemo(() => {
    // Plain strict quorums: the matrix compares W and R, nothing else the learner toggled.
    const base: Scenario = {
      version: 1,
      seed,
      network,
      script: [],
      cluster: { ...cluster, replicas: 5, n: 5, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0, sloppyQuorum: false, readRepair: false, durabilityMs: 0, skew: {} },
    };
    return tradeoffs(base, MODULE_CONFIGS, down);
    // Only what changes the measurement: the seed, the network, the value strategy, the timeout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seed, network, cluster.strategy, cluster.timeoutMs, down]);
  const current = (w: number, r: number) => cluster.n === 5 && cluster.w === w && cluster.r === r;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>The N = 5 trade-offs, measured</h2>
      <p className="small muted">
        Each row ran the same {STANDARD_WORKLOAD.durationMs / 1000} s workload ({STANDARD_WORKLOAD.opsPerSecond} reads and writes a second on one key, from three clients) on five replicas with this run’s network, then again with {down} replica{down === 1 ? '' : 's'} down. A write needs W replicas up and a read needs R: with {down} down, writes keep
        working only where W ≤ {5 - down}, and reads only where R ≤ {5 - down}.
      </p>
      <div className="field-row">
        <Field label="Replicas down in the second run">
          {(fieldId) => (
            <select id={fieldId} value={down} onChange={(e) => setDown(Number(e.target.value))}>
              {DOWN_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n} of 5
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The trade-off table (scrolls sideways on a narrow screen)">
        <table>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Write latency (median)</th>
              <th scope="col">Read latency (median)</th>
              <th scope="col">Stale reads</th>
              <th scope="col">Writes that succeed with {down} down</th>
              <th scope="col">Reads that succeed with {down} down</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ config, healthy, degraded }) => {
              const here = current(config.w, config.r);
              return (
                <tr key={`${config.w}-${config.r}`} className={here ? 'current' : undefined} aria-current={here ? 'true' : undefined}>
                  <th scope="row">
                    W={config.w}, R={config.r}
                    {here && <span className="you-are-here"> (your setting)</span>}
                  </th>
                  <td>{formatMs(healthy.writeLatency.p50)}</td>
                  <td>{formatMs(healthy.readLatency.p50)}</td>
                  <td>
                    {healthy.staleReads} of {healthy.reads - healthy.failedReads}
                  </td>
                  <td>{share(degraded.writeAvailability)}</td>
                  <td>{share(degraded.readAvailability)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
