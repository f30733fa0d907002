import { useId, useMemo, useRef, useState } from 'react';
import type { WarsDistributions } from '../../../analysis/wars.ts';
import { Field } from '../../../components/Field.tsx';
import { useElementWidth } from '../../../components/useElementWidth.ts';
import { PBS_PRESETS } from '../../../content/pbsPresets.ts';
import { PBS_PUBLISHED, publishedRow } from '../../../content/pbsPublished.ts';
import type { Distribution } from '../../../sim/distributions.ts';
import { selectScenario } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { formatMs, formatPercent } from '../../../view/format.ts';
import { timeScale } from '../../../view/timeScale.ts';
import { PBS_AUTHORS_ESTIMATE } from '../../../content/pbsWords.ts';
import { useWars } from './useWars.ts';

const TRIALS = 100_000;
const HEIGHT = 240;
const M = { left: 48, right: 24, top: 12, bottom: 36 };

type Custom = { kind: 'exponential'; mean: number } | { kind: 'pareto'; xm: number; alpha: number } | { kind: 'mix'; weight: number; xm: number; alpha: number; mean: number };

function customDistribution(c: Custom): Distribution {
  const exp: Distribution = { kind: 'exponential', rate: 1 / Math.max(0.001, 'mean' in c ? c.mean : 1) };
  if (c.kind === 'exponential') return exp;
  const pareto: Distribution = { kind: 'pareto', xm: Math.max(0.001, c.xm), alpha: Math.max(0.1, c.alpha) };
  if (c.kind === 'pareto') return pareto;
  const weight = Math.min(1, Math.max(0, c.weight));
  return { kind: 'mix', parts: [{ weight, dist: pareto }, { weight: 1 - weight, dist: exp }] };
}

/**
 * PBS by Monte Carlo (the WARS model): how likely a read is to see the latest write, t ms
 * after it commits, for this N, W and R under measured production latencies or your own.
 */
export function PbsCurvePanel() {
  const { n, w, r } = useLab(selectScenario).cluster;
  const seed = useLab(selectScenario).seed;
  const id = useId();
  const [preset, setPreset] = useState<string>(PBS_PRESETS[0]!.id);
  const [custom, setCustom] = useState<Custom>({ kind: 'exponential', mean: 10 });
  const dists: WarsDistributions = useMemo(() => {
    const found = PBS_PRESETS.find((p) => p.id === preset);
    if (found) return found.dists;
    const d = customDistribution(custom);
    return { w: d, a: d, r: d, s: d };
  }, [preset, custom]);
  const { summary, busy } = useWars({ n, w, r, dists, trials: TRIALS, seed });
  const source = PBS_PRESETS.find((p) => p.id === preset)?.source ?? 'Your distribution, for all four: the write reaching a replica (W), its ack (A), a read request (R) and its response (S).';

  return (
    <section className="panel pbs-curve" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>How eventual is eventual? (PBS, measured latencies)</h2>
      <div className="field-row">
        <Field label="Latencies">
          {(fieldId) => (
            <select id={fieldId} value={preset} onChange={(e) => setPreset(e.target.value)}>
              {PBS_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              <option value="custom">Your own</option>
            </select>
          )}
        </Field>
        {preset === 'custom' && <CustomEditor key={custom.kind} value={custom} onChange={setCustom} />}
      </div>
      <p className="small muted">{source}</p>
      {summary ? (
        <>
          <p role="status">
            N={n}, W={w}, R={r}, {summary.trials.toLocaleString('en')} trials: a read issued right after the write commits sees it {formatPercent(summary.consistentAtZero)} of the time;{' '}
            {summary.consistentAtZero === 1 ? 'always, even at once.' : summary.visible999 === 0 ? '99.9% of reads see it at once.' : `99.9% of reads see it after ${formatMs(summary.visible999)}.`}
          </p>
          {w + r > n ? (
            // A flat line at 100 % says nothing a sentence does not, and looks like a broken chart.
            <p className="small">
              No curve to draw: with W + R &gt; N every read quorum meets every write quorum, so a read after the commit sees the write for certain (while
              the rule’s conditions hold), not with a probability that grows with time. Choose W + R ≤ N, W = R = 1 say, to see how eventual is eventual.
            </p>
          ) : (
            <Curve summary={summary} />
          )}
          <p className="small">
            Write latency: median {formatMs(summary.writeP50)}, 99.9th percentile {formatMs(summary.writeP999)}. Read latency: median {formatMs(summary.readP50)}, 99.9th percentile{' '}
            {formatMs(summary.readP999)}. Computed in {summary.ms.toFixed(0)} ms, off the page’s main thread.
          </p>
          <Published presetId={preset} n={n} w={w} r={r} />
        </>
      ) : (
        <p role="status">Running {TRIALS.toLocaleString('en')} trials…</p>
      )}
    </section>
  );
}

/** What the PBS authors published for this fit and setting, beside ours, when they did. */
function Published({ presetId, n, w, r }: { presetId: string; n: number; w: number; r: number }) {
  const row = publishedRow(presetId, n, r, w);
  if (!row) return null;
  const atZero = r === 1 && w === 1 ? PBS_PUBLISHED[presetId]?.consistentAtZero : undefined;
  return (
    <p className="small">
      The paper’s figures for this fit and setting: 99.9th percentile read {formatMs(row.readP999)} and write {formatMs(row.writeP999)}
      {atZero !== undefined && `; ${formatPercent(atZero)} consistent at once`}; {row.visible999 === 0 ? '99.9% consistent at once.' : `99.9% consistent after ${formatMs(row.visible999)}.`}
      {row.visible999 > 0 && ` ${PBS_AUTHORS_ESTIMATE}`}
      {w + r > n && ' The paper states every setting against its 99.9% threshold; a read that is certain to be consistent meets it, so its “99.9%” and our “always” agree.'}
    </p>
  );
}

function Curve({ summary }: { summary: NonNullable<ReturnType<typeof useWars>['summary']> }) {
  // Drawn at its real width, so the labels keep their size on a phone.
  const box = useRef<HTMLDivElement>(null);
  const WIDTH = Math.max(300, Math.min(800, useElementWidth(box, 600)));
  const tMax = summary.curve.at(-1)?.t ?? 1;
  const x = timeScale([0, tMax], [M.left, WIDTH - M.right]);
  // Start the axis a little below the lowest value: the interesting part is near 100%.
  const floor = Math.min(0.9, Math.floor(summary.consistentAtZero * 10) / 10);
  const y = (p: number) => M.top + ((1 - p) / (1 - floor)) * (HEIGHT - M.top - M.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => floor + f * (1 - floor));
  const points = summary.curve.map((c) => `${x(c.t).toFixed(1)},${y(c.p).toFixed(1)}`).join(' ');
  return (
    <div ref={box}>
    <svg className="pbs-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`P(consistent) against time since the write: from ${formatPercent(summary.consistentAtZero)} at 0 to 99.9% at ${formatMs(summary.visible999)}`}>
      <line x1={M.left} x2={WIDTH - M.right} y1={y(0.999)} y2={y(0.999)} className="pbs-guide" />
      <text x={WIDTH - M.right} y={y(0.999) - 4} className="pbs-note" textAnchor="end">
        99.9%
      </text>
      {ticks.map((p) => (
        <g key={p}>
          <line x1={M.left - 4} x2={M.left} y1={y(p)} y2={y(p)} className="pbs-axis" />
          <text x={M.left - 6} y={y(p) + 4} textAnchor="end" className="pbs-tick">
            {Math.round(p * 1000) / 10}%
          </text>
        </g>
      ))}
      {x.ticks(Math.max(2, Math.floor(WIDTH / 120))).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom + 4} className="pbs-axis" />
          <text x={x(t)} y={HEIGHT - M.bottom + 16} textAnchor={x(t) > WIDTH - M.right - 30 ? 'end' : 'middle'} className="pbs-tick">
            {formatMs(t)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} className="pbs-axis" />
      <line x1={M.left} x2={M.left} y1={M.top} y2={HEIGHT - M.bottom} className="pbs-axis" />
      <polyline points={points} className="pbs-line" />
      <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 4} textAnchor="middle" className="pbs-tick">
        time after the write commits
      </text>
    </svg>
    </div>
  );
}

function CustomEditor({ value, onChange }: { value: Custom; onChange: (c: Custom) => void }) {
  // Uncontrolled, so a half-typed "0." stays as typed; only positive numbers are taken.
  const num = (label: string, v: number, set: (x: number) => void, step = 0.1) => (
    <Field label={label}>
      {(fieldId) => (
        <input
          id={fieldId}
          type="number"
          min={0.001}
          step={step}
          defaultValue={v}
          onChange={(e) => {
            const x = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(x) && x > 0) set(x);
          }}
          size={6}
        />
      )}
    </Field>
  );
  return (
    <>
      <Field label="Shape">
        {(fieldId) => (
          <select
            id={fieldId}
            value={value.kind}
            onChange={(e) => {
              const kind = e.target.value;
              onChange(kind === 'exponential' ? { kind, mean: 10 } : kind === 'pareto' ? { kind: 'pareto', xm: 1, alpha: 2 } : { kind: 'mix', weight: 0.9, xm: 1, alpha: 3, mean: 20 });
            }}
          >
            <option value="exponential">exponential</option>
            <option value="pareto">Pareto</option>
            <option value="mix">Pareto and exponential mixed</option>
          </select>
        )}
      </Field>
      {value.kind === 'exponential' && num('Mean (ms)', value.mean, (mean) => onChange({ ...value, mean }), 1)}
      {value.kind !== 'exponential' && num('Pareto minimum xm (ms)', value.xm, (xm) => onChange({ ...value, xm }))}
      {value.kind !== 'exponential' && num('Pareto α', value.alpha, (alpha) => onChange({ ...value, alpha }))}
      {value.kind === 'mix' && num('Pareto share (0 to 1)', value.weight, (weight) => onChange({ ...value, weight }), 0.01)}
      {value.kind === 'mix' && num('Exponential mean (ms)', value.mean, (mean) => onChange({ ...value, mean }), 1)}
    </>
  );
}
