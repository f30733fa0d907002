import { MAX_REPLICAS } from '../sim/ids.ts';
import { safeText } from '../sim/schema.ts';

export interface QuorumParams {
  readonly n: number;
  readonly w: number;
  readonly r: number;
  readonly seed: number;
}

export const QUORUM_DEFAULTS: QuorumParams = { n: 3, w: 2, r: 2, seed: 1 };

/**
 * Read `?n=5&w=3&r=3&seed=7`. Anything missing takes its default; anything wrong is
 * replaced by the nearest valid setting and explained in `problems`, one sentence each,
 * so the lab can show what it did instead.
 *
 * @example readQuorumParams('?n=5&w=7&r=1').params // { n: 5, w: 5, r: 1, seed: 1 }
 */
export function readQuorumParams(search: string, defaults: QuorumParams = QUORUM_DEFAULTS): { params: QuorumParams; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const n = whole(q.get('n'), 'n', 1, MAX_REPLICAS, defaults.n, problems, 'replicas per key');
  const w = whole(q.get('w'), 'w', 1, n, Math.min(defaults.w, n), problems, `acknowledgements a write waits for (at most n = ${n})`);
  const r = whole(q.get('r'), 'r', 1, n, Math.min(defaults.r, n), problems, `replies a read waits for (at most n = ${n})`);
  const seed = whole(q.get('seed'), 'seed', 0, 0xffffffff, defaults.seed, problems, 'the random seed');
  return { params: { n, w, r, seed }, problems };
}

function whole(raw: string | null, name: string, min: number, max: number, fallback: number, problems: string[], what: string): number {
  if (raw === null) return fallback;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) {
    problems.push(`${name}=${safeText(raw).slice(0, 20)} is not a number (${name} is the number of ${what}); showing ${name}=${fallback}.`);
    return fallback;
  }
  const nearest = Math.min(max, Math.max(min, Math.round(value)));
  if (nearest !== value) problems.push(`${name}=${safeText(raw).slice(0, 20)} is not possible: ${name} is the number of ${what}, a whole number from ${min} to ${max}; showing ${name}=${nearest}.`);
  return nearest;
}
