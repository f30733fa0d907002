/**
 * The simulator's only source of randomness: sfc32, seeded through splitmix32.
 * Small, fast, and good enough for a simulation (it passes PractRand to 2^40+).
 * Its whole state is four 32-bit words, so a run can be reproduced from its seed.
 */
export type RngState = readonly [number, number, number, number];

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** Fill `out` with floats in [0, 1): the same numbers as that many calls of next(), faster. */
  fill(out: Float64Array): void;
  state(): RngState;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator. Same seed, same sequence, on every machine.
 *
 * @example
 * const rng = createRng(7);
 * rng.next(); // always the same float for seed 7
 */
export function createRng(seed: number, state?: RngState): Rng {
  let a: number, b: number, c: number, d: number;
  if (state) {
    [a, b, c, d] = state;
  } else {
    const mix = splitmix32(seed);
    a = mix();
    b = mix();
    c = mix();
    d = mix();
  }
  function nextU32(): number {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  }
  return {
    next: () => nextU32() / 4294967296,
    int: (n) => Math.floor((nextU32() / 4294967296) * n),
    fill: (out) => {
      for (let i = 0; i < out.length; i++) out[i] = nextU32() / 4294967296;
    },
    state: () => [a, b, c, d],
  };
}
