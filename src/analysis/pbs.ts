/**
 * Probabilistically Bounded Staleness, closed form (Bailis et al., VLDB 2012, §3): with
 * quorums chosen uniformly at random, the chance that a read quorum of R replicas misses
 * every replica of a write quorum of W among N is C(N−W, R) / C(N, R); the chance that a
 * read misses each of the last k independent writes — returns something k or more versions
 * old — is that to the power k. With W + R > N a read quorum must overlap, and the chance is 0.
 */

/** An exact fraction, for small N where learners can check the arithmetic. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  const kk = Math.min(k, n - k);
  for (let i = 1; i <= kk; i++) result = (result * BigInt(n - kk + i)) / BigInt(i);
  return result;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function reduce(numerator: bigint, denominator: bigint): Fraction {
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / g, denominator: denominator / g };
}

function checkQuorums(n: number, w: number, r: number): void {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(w) && w >= 1 && w <= n && Number.isInteger(r) && r >= 1 && r <= n)) {
    throw new RangeError(`need 1 ≤ W, R ≤ N, whole numbers; got N=${n}, W=${w}, R=${r}`);
  }
}

/**
 * The chance that a random read quorum misses a random write quorum, exactly.
 *
 * @example missProbability(3, 1, 1) // { numerator: 2n, denominator: 3n }
 * @example missProbability(3, 2, 2) // 0: W + R > N
 */
export function missProbability(n: number, w: number, r: number): Fraction {
  checkQuorums(n, w, r);
  return reduce(binomial(n - w, r), binomial(n, r));
}

/**
 * The chance that a read misses each of the last k writes' quorums, chosen independently:
 * that it returns a value k or more versions old.
 *
 * @example staleBeyond(3, 1, 1, 2) // { numerator: 4n, denominator: 9n }
 */
export function staleBeyond(n: number, w: number, r: number, k: number): Fraction {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be a whole number ≥ 1, not ${k}`);
  const p = missProbability(n, w, r);
  return reduce(p.numerator ** BigInt(k), p.denominator ** BigInt(k));
}

export function toNumber(f: Fraction): number {
  return Number(f.numerator) / Number(f.denominator);
}

/** "2/3", or "0" and "1". */
export function formatFraction(f: Fraction): string {
  if (f.numerator === 0n) return '0';
  if (f.numerator === f.denominator) return '1';
  return `${f.numerator}/${f.denominator}`;
}
