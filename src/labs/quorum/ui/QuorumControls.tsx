import { Suspense, lazy, useId, type ReactNode } from 'react';
import { QUORUM_DEMOS } from '../../../content/quorumDemos.ts';
import { loadDemo } from './demoScenes.ts';
import { QUORUM_PRESETS } from '../../../content/quorumPresets.ts';
import { MAX_REPLICAS, MIN_REPLICAS } from '../../../sim/ids.ts';
import type { ClusterConfig } from '../../../sim/scenario.ts';
import { selectScenario } from '../../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import { Field } from '../../../components/Field.tsx';


/** The rule's conditions, and those a run broke, load just after the first screen. */
const QuorumClaim = lazy(() => import('../../../components/QuorumClaim.tsx').then((m) => ({ default: m.QuorumClaim })));
/** What the toggles do, in words, loads just after too. */
const SloppyQuorumNotes = lazy(() => import('../../../components/SloppyQuorumNotes.tsx').then((m) => ({ default: m.SloppyQuorumNotes })));
/**
 * N, W and R, kept valid as N changes, with the rule W + R > N shown as an inequality and
 * in words. Changing W or R re-runs the same actions with the new quorums, so the effect
 * is seen on the same run; changing N starts afresh, since the cluster itself changes.
 */
export function QuorumControls({ part = 'knobs' }: { readonly part?: 'knobs' | 'options' } = {}) {
  const store = useLabStoreApi();
  const scenario = useLab(selectScenario);
  const c = scenario.cluster;
  const id = useId();
  const overlap = c.w + c.r > c.n;

  function setN(n: number) {
    const cluster: ClusterConfig = { ...c, replicas: ringSize(n, c.sloppyQuorum), n, w: Math.min(c.w, n), r: Math.min(c.r, n), skew: {} };
    store.getState().load({ ...scenario, cluster, script: [] }, 0, { kind: 'info', text: `N is now ${n}: a fresh run has started.` });
  }

  function setQuorum(part: { w?: number; r?: number }) {
    const { time } = store.getState();
    const cluster = { ...c, ...part };
    store.getState().load({ ...scenario, cluster }, time, { kind: 'info', text: `The same run, replayed with W=${cluster.w} and R=${cluster.r}.` });
  }

  function setSloppy(on: boolean) {
    const replicas = ringSize(c.n, on);
    // More replicas keep every action valid; fewer may drop a node the script names.
    const script = replicas >= c.replicas ? scenario.script : [];
    const { time } = store.getState();
    const text = on
      ? `Sloppy quorums on: the ring now has ${replicas} replicas, so ${replicas - c.n} can stand in for the key's ${c.n}.`
      : 'Sloppy quorums off: only the key’s own replicas count.';
    store.getState().load({ ...scenario, script, cluster: { ...c, sloppyQuorum: on, replicas } }, script.length > 0 ? time : 0, { kind: 'info', text });
  }

  const spare = ringSize(c.n, true) - c.n;
  const choices = (max: number) => Array.from({ length: max }, (_, i) => i + 1);
  // The options, and the demos that show them, are a panel of their own below the knobs beside the picture.
  if (part === 'options')
    return (
      <section className="panel quorum-options" aria-labelledby={`${id}-options`}>
        <h2 id={`${id}-options`}>Sloppy quorums and read repair</h2>
        <div className="field-row toggles">
          <label className="check">
            <input type="checkbox" checked={c.sloppyQuorum} disabled={spare === 0 && !c.sloppyQuorum} onChange={(e) => setSloppy(e.target.checked)} /> Sloppy quorum with hinted handoff
          </label>
          <label className="check">
            <input type="checkbox" checked={c.readRepair} onChange={(e) => store.getState().load({ ...scenario, cluster: { ...c, readRepair: e.target.checked } }, store.getState().time)} /> Read repair
          </label>
        </div>
        {spare === 0 && <p className="small">Sloppy quorums need replicas outside the key’s N to stand in: choose N of 8 or fewer.</p>}
        <Suspense fallback={null}>
          <SloppyQuorumNotes />
        </Suspense>
        <div className="button-row">
          {QUORUM_DEMOS.map((demo) => (
            <button
              key={demo.id}
              type="button"
              onClick={() => loadDemo(store, demo)}
            >
              {demo.button}
            </button>
          ))}
        </div>
      </section>
    );
  return (
    <section className="panel quorum-controls" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>N, W and R</h2>
      <div className="field-row">
        <Field label="N: replicas per key">
          {(fieldId) => (
            <Stepper value={c.n} max={MAX_REPLICAS} onChange={setN} what="N">
              <select id={fieldId} value={c.n} onChange={(e) => setN(Number(e.target.value))}>
                {choices(MAX_REPLICAS).map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </Stepper>
          )}
        </Field>
        <Field label="W: acks a write waits for">
          {(fieldId) => (
            <Stepper value={c.w} max={c.n} onChange={(w) => setQuorum({ w })} what="W">
              <select id={fieldId} value={c.w} onChange={(e) => setQuorum({ w: Number(e.target.value) })}>
                {choices(c.n).map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </Stepper>
          )}
        </Field>
        <Field label="R: replies a read waits for">
          {(fieldId) => (
            <Stepper value={c.r} max={c.n} onChange={(r) => setQuorum({ r })} what="R">
              <select id={fieldId} value={c.r} onChange={(e) => setQuorum({ r: Number(e.target.value) })}>
                {choices(c.n).map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </Stepper>
          )}
        </Field>
      </div>
      <p className={`inequality ${overlap ? 'holds' : 'fails'}`} aria-live="polite">
        <span className="formula">
          W + R = {c.w} + {c.r} = {c.w + c.r} {overlap ? '>' : '≤'} N = {c.n}
        </span>{' '}
      </p>
      <Suspense fallback={null}>
        <QuorumClaim live folded />
      </Suspense>
      <details>
        <summary>Settings from the module</summary>
        <ul className="presets">
          {QUORUM_PRESETS.map((p) => (
            <li key={`${p.n}-${p.w}-${p.r}`}>
              <a href={`?lab=quorum&n=${p.n}&w=${p.w}&r=${p.r}&seed=${scenario.seed}`}>
                N={p.n}, W={p.w}, R={p.r}
              </a>{' '}
              — {p.summary}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** How many replicas the ring has: N (at least 3), and two more to stand in when quorums are sloppy. */
export function ringSize(n: number, sloppy: boolean): number {
  return Math.min(MAX_REPLICAS, Math.max(MIN_REPLICAS, sloppy ? n + 2 : n));
}

/**
 * A select with a button either side: big targets for a projector or a finger. At a
 * bound the button says so (aria-disabled) instead of vanishing from the keyboard.
 */
function Stepper({ value, max, onChange, what, children }: { value: number; max: number; onChange: (v: number) => void; what: string; children: ReactNode }) {
  const step = (delta: number) => {
    const next = value + delta;
    if (next >= 1 && next <= max) onChange(next);
  };
  return (
    <div className="stepper">
      <button type="button" aria-label={`${what} one less`} aria-disabled={value <= 1} onClick={() => step(-1)}>
        −
      </button>
      {children}
      <button type="button" aria-label={`${what} one more`} aria-disabled={value >= max} onClick={() => step(1)}>
        +
      </button>
    </div>
  );
}

