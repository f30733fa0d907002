import { useId, useMemo, useState } from 'react';
import { expectedPushPullRounds, spread } from '../../../analysis/gossip.ts';
import { compare, type Copy } from '../../../analysis/merkle.ts';
import { QUORUM_DEMOS } from '../../../content/quorumDemos.ts';

/**
 * Anti-entropy, made visible: one update spreading by push-pull gossip, round by round,
 * against log2 N and log3 N; and two replicas comparing Merkle trees, with the differing
 * subtrees marked and the bytes sent beside sending the whole copy. Read repair and
 * hinted handoff are in the quorum lab, which the section links to.
 */
export function AntiEntropy() {
  const id = useId();
  return (
    <section className="panel anti-entropy" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>How replicas catch up without a leader: anti-entropy</h2>
      <p>
        Without a leader’s log, replicas find what they lack by comparing notes. Two ways, below: gossip, where each replica talks to a random peer every round, and Merkle trees, which let two
        replicas find the keys they disagree on without sending everything. Read repair and hinted handoff, the other two, are in the <a href="?lab=quorum">quorum lab</a>: its
        demos “{QUORUM_DEMOS.map((d) => d.title).join('” and “')}” show each at work, on the same simulator.
      </p>
      <Gossip />
      <Merkle />
    </section>
  );
}

const SIZES = [8, 16, 32, 64] as const;
const TRIALS = 200;

function Gossip() {
  const id = useId();
  const [n, setN] = useState<number>(16);
  const [fanout, setFanout] = useState(1);
  const [seed, setSeed] = useState(1);
  const run = useMemo(() => spread({ replicas: n, fanout, from: 0, seed }), [n, fanout, seed]);
  // The mean over many seeds: one run's count is a sample, not the rule.
  const mean = useMemo(() => {
    let sum = 0;
    for (let s = 1; s <= TRIALS; s++) sum += spread({ replicas: n, fanout, from: 0, seed: 1000 + s }).rounds ?? 0;
    return sum / TRIALS;
  }, [n, fanout]);
  const rounds = run.rounds ?? run.informed.length - 1;
  const w = 300;
  const h = 120;
  const x = (r: number) => 30 + (r / Math.max(rounds, 1)) * (w - 40);
  const y = (k: number) => 10 + (1 - k / n) * (h - 30);
  return (
    <div className="gossip" role="group" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Gossip: one update, round by round</h3>
      <div className="field-row">
        <label>
          Replicas{' '}
          <select value={n} onChange={(e) => setN(Number(e.target.value))}>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Fan-out (peers a round){' '}
          <select value={fanout} onChange={(e) => setFanout(Number(e.target.value))}>
            {[1, 2, 3].map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setSeed((s) => s + 1)}>
          Spread it again
        </button>
      </div>
      <figure>
        <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Replicas holding the update after each round: ${run.informed.join(', ')}.`}>
          <line x1={30} x2={w - 10} y1={y(n)} y2={y(n)} className="all" />
          <text x={26} y={y(n) + 4} textAnchor="end">
            {n}
          </text>
          <text x={26} y={y(0) + 4} textAnchor="end">
            0
          </text>
          <polyline points={run.informed.map((k, r) => `${x(r).toFixed(1)},${y(k).toFixed(1)}`).join(' ')} className="spread" />
          {run.informed.map((k, r) => (
            <circle key={r} cx={x(r)} cy={y(k)} r={2.5} className="spread" />
          ))}
          <text x={30} y={h - 4}>
            round 0
          </text>
          <text x={w - 10} y={h - 4} textAnchor="end">
            round {rounds}
          </text>
        </svg>
      </figure>
      <p role="status">
        This time every one of the {n} replicas had it after {run.rounds === null ? 'more rounds than the lab counts' : `${run.rounds} round${run.rounds === 1 ? '' : 's'}`}; over {TRIALS} runs,{' '}
        {mean.toFixed(1)} on average. log₂ {n} = {Math.log2(n).toFixed(1)} and log₃ {n} = {expectedPushPullRounds(n).toFixed(1)}.
      </p>
      <p>
        Push-pull gossip (each call both sends and asks) needs about log₃ N rounds plus a slowly growing tail (Karp and others, 2000), so at these sizes the measured mean lands near log₂ N:
        a coincidence of the numbers, not the rule. A larger fan-out means fewer rounds and more messages in each. In this lab every replica calls its peers at the same moment each round. Cassandra
        gossips the cluster’s state (who is up, who owns what) once a second with up to three peers, each node on its own clock; its data is compared by Merkle trees, below.
      </p>
    </div>
  );
}

const KEY_COUNT = 64;
/** Two copies of the same 64 keys, with `differ` of them changed on the second. */
function copies(differ: number): { a: Copy; b: Copy; changed: string[] } {
  const keys = Array.from({ length: KEY_COUNT }, (_, i) => `user${String(i).padStart(2, '0')}`);
  const a = new Map(keys.map((k, i) => [k, `v${i}`]));
  const changed = keys.filter((_, i) => (i * 37) % KEY_COUNT < differ);
  const b = new Map(a);
  for (const k of changed) b.set(k, `${a.get(k)!}-new`);
  return { a, b, changed };
}

function Merkle() {
  const id = useId();
  const [differ, setDiffer] = useState(1);
  const [depth, setDepth] = useState(4);
  const { a, b, changed } = useMemo(() => copies(differ), [differ]);
  const c = useMemo(() => compare(a, b, depth), [a, b, depth]);
  const marked = new Set(c.differentNodes);
  return (
    <div className="merkle" role="group" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Merkle trees: finding what differs</h3>
      <div className="field-row">
        <label>
          Keys that differ{' '}
          <select value={differ} onChange={(e) => setDiffer(Number(e.target.value))}>
            {[0, 1, 3, 10, 64].map((d) => (
              <option key={d} value={d}>
                {d} of {KEY_COUNT}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tree depth{' '}
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            {[2, 3, 4, 5, 6].map((d) => (
              <option key={d} value={d}>
                {d} ({2 ** d} leaves)
              </option>
            ))}
          </select>
        </label>
      </div>
      <Tree depth={depth} marked={marked} label={`The tree both replicas build, ${2 ** depth} leaves: ${c.differentNodes.length} node${c.differentNodes.length === 1 ? '' : 's'} differ`} />
      <p role="status">
        {c.differing.length === 0 ? 'The roots match: nothing more is sent.' : `Differing keys found: ${c.differing.join(', ')}.`} Sent both ways: {c.hashesSent} hashes and the keys of{' '}
        {c.differentNodes.filter((n) => n.startsWith(`${depth}:`)).length} leaf bucket{c.differentNodes.filter((n) => n.startsWith(`${depth}:`)).length === 1 ? '' : 's'}, {c.bytesSent.toLocaleString('en')}{' '}
        bytes, against {c.wholeStateBytes.toLocaleString('en')} to send both copies whole.
      </p>
      <p>
        The two replicas compare root hashes first and open only the subtrees whose hashes differ (marked), down to the leaves, then send each other the keys in those leaves. In this lab a
        key’s leaf is its hash modulo the number of leaves; Dynamo and Cassandra give each leaf a slice of the key range instead. {changed.length > 0 && changed.length < KEY_COUNT ? 'A deeper tree sends more hashes and fewer keys.' : ''}
      </p>
    </div>
  );
}

/** The tree as rows of boxes, root on top; nodes whose hashes differ between the two replicas are marked. */
function Tree({ depth, marked, label }: { readonly depth: number; readonly marked: ReadonlySet<string>; readonly label: string }) {
  const w = 320;
  const rowH = 22;
  const h = (depth + 1) * rowH + 4;
  return (
    <figure>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
        {Array.from({ length: depth + 1 }, (_, level) => {
          const count = 2 ** level;
          const cell = (w - 4) / count;
          return Array.from({ length: count }, (_, i) => {
            const diff = marked.has(`${level}:${i}`);
            return <rect key={`${level}:${i}`} x={2 + i * cell + Math.min(2, cell * 0.1)} y={2 + level * rowH} width={Math.max(1, cell - Math.min(4, cell * 0.2))} height={rowH - 6} className={diff ? 'node differs' : 'node'} />;
          });
        })}
      </svg>
      <figcaption>{label}. Marked: the hashes that differ.</figcaption>
    </figure>
  );
}
