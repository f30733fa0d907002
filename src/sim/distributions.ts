import type { Rng } from './rng.ts';

/**
 * A latency distribution, in milliseconds. Plain data, so it can travel in a URL.
 * Parameters follow the PBS paper: Exponential(λ) has mean 1/λ ms; Pareto(xm, α) has
 * minimum xm ms and tail index α.
 */
export type Distribution =
  | { readonly kind: 'constant'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'exponential'; readonly rate: number }
  | { readonly kind: 'pareto'; readonly xm: number; readonly alpha: number }
  | { readonly kind: 'mix'; readonly parts: readonly MixPart[] };

export interface MixPart {
  readonly weight: number;
  readonly dist: Distribution;
}

/**
 * Draw one sample. Uses exactly one draw from `rng` for the simple kinds and two for a mix,
 * so the number of draws never depends on the values drawn.
 *
 * @example sample({ kind: 'exponential', rate: 0.1 }, rng) // mean 10 ms
 */
export function sample(dist: Distribution, rng: Rng): number {
  switch (dist.kind) {
    case 'constant':
      return dist.ms;
    case 'uniform':
      return dist.min + rng.next() * (dist.max - dist.min);
    case 'exponential':
      return -Math.log(1 - rng.next()) / dist.rate;
    case 'pareto':
      // xm · (1−u)^(−1/α), as exp and log: the same number, twice as fast as Math.pow.
      return dist.xm * Math.exp(-Math.log(1 - rng.next()) / dist.alpha);
    case 'mix':
      return sample(pickPart(dist.parts, rng.next()), rng);
  }
}

function pickPart(parts: readonly MixPart[], u: number): Distribution {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  let target = u * total;
  for (const part of parts) {
    target -= part.weight;
    if (target < 0) return part.dist;
  }
  // Rounding can leave target at ~0 after the last part.
  return parts[parts.length - 1]!.dist;
}

/** The mean of a distribution (Infinity for a Pareto with α ≤ 1). */
export function mean(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant':
      return dist.ms;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'exponential':
      return 1 / dist.rate;
    case 'pareto':
      return dist.alpha <= 1 ? Infinity : (dist.alpha * dist.xm) / (dist.alpha - 1);
    case 'mix': {
      const total = dist.parts.reduce((sum, p) => sum + p.weight, 0);
      return dist.parts.reduce((sum, p) => sum + (p.weight / total) * mean(p.dist), 0);
    }
  }
}

/** A distribution turned into a function: for hot loops that draw millions of samples. */
export type Sampler = (rng: Rng) => number;

/**
 * The same draws as `sample`, from the same rng states, without re-reading the
 * distribution's shape or re-adding a mix's weights on every call.
 *
 * @example const draw = compileSampler(dist); draw(rng) === sample(dist, sameRng)
 */
export function compileSampler(dist: Distribution): Sampler {
  switch (dist.kind) {
    case 'constant': {
      const ms = dist.ms;
      return () => ms;
    }
    case 'uniform':
    case 'exponential':
    case 'pareto': {
      const draw = fromUniform(dist);
      return (rng) => draw(rng.next());
    }
    case 'mix': {
      const total = dist.parts.reduce((sum, p) => sum + p.weight, 0);
      const samplers = dist.parts.map((p) => compileSampler(p.dist));
      const weights = dist.parts.map((p) => p.weight);
      return (rng) => {
        let target = rng.next() * total;
        for (let i = 0; i < weights.length; i++) {
          target -= weights[i]!;
          if (target < 0) return samplers[i]!(rng);
        }
        return samplers[samplers.length - 1]!(rng);
      };
    }
  }
}

/** A latency drawn from one uniform in [0, 1), by its inverse distribution function. */
export type FromUniform = (u: number) => number;

/** The largest double below 1: a uniform rescaled inside a mix stays below 1. */
const BELOW_ONE = 1 - 2 ** -53;

/**
 * A sampler that spends exactly one uniform per latency. A mix uses the same uniform to
 * pick its part and, rescaled to that part's share, to draw from it: given the part, the
 * rescaled number is again uniform, so the distribution is exactly the mix's, with half
 * the random numbers `compileSampler` draws.
 */
export function fromUniform(dist: Distribution): FromUniform {
  switch (dist.kind) {
    case 'constant': {
      const ms = dist.ms;
      return () => ms;
    }
    case 'uniform': {
      const { min, max } = dist;
      return (u) => min + u * (max - min);
    }
    case 'exponential': {
      const rate = dist.rate;
      return (u) => -Math.log(1 - u) / rate;
    }
    case 'pareto': {
      const { xm, alpha } = dist;
      return (u) => xm * Math.exp(-Math.log(1 - u) / alpha);
    }
    case 'mix': {
      const total = dist.parts.reduce((sum, p) => sum + p.weight, 0);
      const parts = dist.parts.filter((p) => p.weight > 0).map((p) => ({ share: p.weight / total, draw: fromUniform(p.dist) }));
      // No weight anywhere: draw from the last part, as sample() and compileSampler do.
      if (parts.length === 0) return dist.parts.length > 0 ? fromUniform(dist.parts[dist.parts.length - 1]!.dist) : () => 0;
      if (parts.length === 2) {
        // The production fits are all two-part mixes: no loop.
        const [first, second] = parts as [(typeof parts)[0], (typeof parts)[0]];
        const cut = first.share;
        return (u) => (u < cut ? first.draw(Math.min(u / cut, BELOW_ONE)) : second.draw(Math.min((u - cut) / (1 - cut), BELOW_ONE)));
      }
      return (u) => {
        let rest = u;
        for (const p of parts) {
          if (rest < p.share) return p.draw(Math.min(rest / p.share, BELOW_ONE));
          rest -= p.share;
        }
        const last = parts[parts.length - 1]!;
        return last.draw(BELOW_ONE);
      };
    }
  }
}
