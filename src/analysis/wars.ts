import { fromUniform, type Distribution, type FromUniform } from '../sim/distributions.ts';
import { createRng } from '../sim/rng.ts';
import { quantile } from './quantile.ts';

/**
 * The WARS model of the PBS paper (Bailis et al., VLDB 2012, §4), by Monte Carlo. For each
 * of the N replicas a trial draws W (the write reaching it), A (its ack returning), R (a
 * read request reaching it) and S (its response returning). The write commits when the
 * W-th fastest W+A comes back. A read starts t ms after the commit, goes to all N
 * replicas, and the coordinator keeps the first R responses by R+S. The read is
 * consistent if one of those replicas had the write when the read request reached it:
 * W_i ≤ commit + t + R_i.
 *
 * Because the replicas a read keeps do not depend on t, each trial has one threshold —
 * the smallest t at which it becomes consistent, min over the kept replicas of
 * W_i − commit − R_i — and P(consistent at t) is the share of trials whose threshold is
 * at most t. The curve is therefore non-decreasing by construction.
 */
export interface WarsDistributions {
  readonly w: Distribution;
  readonly a: Distribution;
  readonly r: Distribution;
  readonly s: Distribution;
  /**
   * Extra one-way delay for replicas outside the coordinator's datacenter (the paper's
   * WAN model: one replica, chosen at random separately for the write and for the read,
   * is local; the other N − 1 pay this on every message).
   */
  readonly remoteMs?: number;
}

export interface WarsInput {
  readonly n: number;
  readonly w: number;
  readonly r: number;
  readonly dists: WarsDistributions;
  readonly trials: number;
  readonly seed: number;
}

export interface WarsResult {
  readonly trials: number;
  /** Per trial, the smallest t (ms) at which the read is consistent; sorted ascending. */
  readonly thresholds: Float64Array;
  /** Write latency (the commit time) and read latency (the R-th response), sorted. */
  readonly writeLatency: Float64Array;
  readonly readLatency: Float64Array;
}

/**
 * Run the trials. Deterministic for a seed.
 *
 * @example
 * const result = runWars({ n: 3, w: 1, r: 1, dists: lnkdSsd, trials: 100_000, seed: 1 });
 * consistentAt(result, 0); // share of reads consistent immediately after the commit
 */
export function runWars({ n, w, r, dists, trials, seed }: WarsInput): WarsResult {
  if (!(w >= 1 && w <= n && r >= 1 && r <= n)) throw new RangeError(`need 1 ≤ W, R ≤ N; got N=${n}, W=${w}, R=${r}`);
  const rng = createRng(seed);
  const thresholds = new Float64Array(trials);
  const writeLatency = new Float64Array(trials);
  const readLatency = new Float64Array(trials);
  const wDelay = new Float64Array(n);
  const rDelay = new Float64Array(n);
  const ack = new Float64Array(n);
  const resp = new Float64Array(n);
  const acks = new Float64Array(n);
  const order = new Int32Array(n);
  const [drawW, drawA, drawR, drawS] = [dists.w, dists.a, dists.r, dists.s].map(fromUniform) as [FromUniform, FromUniform, FromUniform, FromUniform];
  const remote = dists.remoteMs ?? 0;
  // Uniforms come in blocks from one tight loop, rather than one closure call each.
  const block = new Float64Array(4096);
  let at = block.length;
  const u = () => {
    if (at === block.length) {
      rng.fill(block);
      at = 0;
    }
    return block[at++]!;
  };
  for (let t = 0; t < trials; t++) {
    const localW = remote > 0 ? Math.floor(u() * n) : -1;
    const localR = remote > 0 ? Math.floor(u() * n) : -1;
    for (let i = 0; i < n; i++) {
      const extraW = remote > 0 && i !== localW ? remote : 0;
      const extraR = remote > 0 && i !== localR ? remote : 0;
      const wi = Math.max(0, drawW(u())) + extraW;
      wDelay[i] = wi;
      ack[i] = wi + Math.max(0, drawA(u())) + extraW;
      const ri = Math.max(0, drawR(u())) + extraR;
      rDelay[i] = ri;
      resp[i] = ri + Math.max(0, drawS(u())) + extraR;
    }
    acks.set(ack);
    insertionSort(acks);
    const commit = acks[w - 1]!;
    // The replicas the read keeps: the R fastest responses.
    for (let i = 0; i < n; i++) order[i] = i;
    sortByKey(order, resp);
    let threshold = Infinity;
    for (let j = 0; j < r; j++) {
      const i = order[j]!;
      threshold = Math.min(threshold, wDelay[i]! - commit - rDelay[i]!);
    }
    thresholds[t] = Math.max(0, threshold);
    writeLatency[t] = commit;
    readLatency[t] = resp[order[r - 1]!]!;
  }
  thresholds.sort();
  writeLatency.sort();
  readLatency.sort();
  return { trials, thresholds, writeLatency, readLatency };
}

/* N is at most 9: insertion sorts in place beat allocating and calling sort() per trial. */
function insertionSort(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function sortByKey(idx: Int32Array, key: Float64Array): void {
  for (let i = 1; i < idx.length; i++) {
    const v = idx[i]!;
    const k = key[v]!;
    let j = i - 1;
    while (j >= 0 && key[idx[j]!]! > k) {
      idx[j + 1] = idx[j]!;
      j--;
    }
    idx[j + 1] = v;
  }
}

/** P(consistent) for a read issued t ms after the write commits. */
export function consistentAt(result: WarsResult, t: number): number {
  return upperBound(result.thresholds, t) / result.trials;
}

/**
 * The wait after a commit after which a read is consistent with probability p: the
 * paper's "t-visibility".
 *
 * @example visibleAfter(result, 0.999) // ms
 */
export function visibleAfter(result: WarsResult, p: number): number {
  return quantile(result.thresholds, p);
}

/** The curve of P(consistent) against t, at `points` evenly spaced times up to tMax. */
export function consistencyCurve(result: WarsResult, tMax: number, points: number): { t: number; p: number }[] {
  return Array.from({ length: points }, (_, i) => {
    const t = (tMax * i) / Math.max(1, points - 1);
    return { t, p: consistentAt(result, t) };
  });
}

/** How many sorted values are ≤ x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
