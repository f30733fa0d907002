import { Field } from '../../../components/Field.tsx';
import { quorumAt } from '../../../check/quorumConditions.ts';
import { Suspense, lazy, useId } from 'react';
import { MAX_REPLICAS, MIN_REPLICAS } from '../../../sim/ids.ts';
import type { ClusterConfig } from '../../../sim/scenario.ts';
import { selectRun, selectScenario } from '../../../store/labStore.ts';
import { useThrottledTime } from '../../../components/useThrottledTime.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';


/** The rule's conditions, and those a run broke, load just after the first screen. */
const QuorumClaim = lazy(() => import('../../../components/QuorumClaim.tsx').then((m) => ({ default: m.QuorumClaim })));
/**
 * The cluster's shape. Changing it starts a fresh run (the script of a 3-replica run means
 * nothing to a 7-replica one), so the controls say so.
 */
export function ClusterSettings() {
  const store = useLabStoreApi();
  const scenario = useLab(selectScenario);
  const c = scenario.cluster;
  const id = useId();
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const { w, r } = quorumAt(run.sim.trace.events, c, time);

  function change(part: Partial<ClusterConfig>) {
    const cluster = { ...c, ...part };
    const n = Math.min(cluster.n, cluster.replicas);
    const next: ClusterConfig = { ...cluster, n, w: Math.min(cluster.w, n), r: Math.min(cluster.r, n), skew: {} };
    store.getState().load({ ...scenario, cluster: next, script: [] }, 0, { kind: 'info', text: 'Settings changed: a fresh run has started.' });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Cluster settings</h2>
      <p className="small muted">Changing these starts a fresh run.</p>
      <div className="field-row">
        <Field label="Replicas">
          {(fieldId) => (
            <select id={fieldId} value={c.replicas} onChange={(e) => change({ replicas: Number(e.target.value) })}>
              {Array.from({ length: MAX_REPLICAS - MIN_REPLICAS + 1 }, (_, i) => MIN_REPLICAS + i).map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Conflicts resolved by">
          {(fieldId) => (
            <select id={fieldId} value={c.strategy} onChange={(e) => change({ strategy: e.target.value as ClusterConfig['strategy'] })}>
              <option value="lww">last write wins (timestamps)</option>
              <option value="mv">keeping siblings (version vectors)</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>Quorums, from the playhead on</legend>
        <div className="field-row">
          <Field label="W (acks a write waits for)">
            {(fieldId) => (
              <select id={fieldId} value={w} onChange={(e) => store.getState().act({ type: 'set-quorum', w: Number(e.target.value) })}>
                {range(c.n).map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="R (replies a read waits for)">
            {(fieldId) => (
              <select id={fieldId} value={r} onChange={(e) => store.getState().act({ type: 'set-quorum', r: Number(e.target.value) })}>
                {range(c.n).map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="small">
          Each key lives on N={c.n} replicas. W + R = {w + r} {w + r > c.n ? '> N.' : '≤ N.'}
        </p>
        <Suspense fallback={null}>
          <QuorumClaim />
        </Suspense>
      </fieldset>
      <div className="field-row">
        <label className="check">
          <input type="checkbox" checked={c.antiEntropyMs > 0} onChange={(e) => change({ antiEntropyMs: e.target.checked ? 3000 : 0 })} /> Anti-entropy (replicas sync every 3 s)
        </label>
        <label className="check">
          <input type="checkbox" checked={c.readRepair} onChange={(e) => change({ readRepair: e.target.checked })} /> Read repair
        </label>
        <Field label="A write reaches disk">
          {(fieldId) => (
            <select id={fieldId} value={c.durabilityMs} onChange={(e) => change({ durabilityMs: Number(e.target.value) })}>
              <option value={0}>at once</option>
              <option value={500}>after 0.5 s (a crash can lose it)</option>
              <option value={2000}>after 2 s (a crash can lose it)</option>
            </select>
          )}
        </Field>
      </div>
    </section>
  );
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

