/**
 * A set of (bitset, number) pairs for the checkers' searches to remember what they have
 * tried: an open-addressing hash table over one growing pool of words, so remembering a
 * pair allocates nothing and finding one touches two arrays, not a bucket of objects.
 * The caller gives a hash it keeps up to date (Zobrist); it is kept with the pair, so the
 * table can grow without hashing the pairs again.
 */
export class PairSet {
  /** Each entry: the bitset's words, the number, the caller's hash. */
  private pool: Uint32Array;
  private used = 0;
  private table: Int32Array;
  private count = 0;
  private readonly entry: number;

  /** `words`: the bitset's length in 32-bit words. */
  constructor(private readonly words: number) {
    this.entry = words + 2;
    this.pool = new Uint32Array(this.entry * 1024);
    this.table = new Int32Array(2048).fill(-1);
  }

  /** Add the pair; false if it was already there. */
  add(hash: number, bits: Uint32Array, n: number): boolean {
    const { words, pool } = this;
    const mask = this.table.length - 1;
    let slot = mix(hash) & mask;
    for (;;) {
      const at = this.table[slot]!;
      if (at < 0) break;
      if (pool[at + words] === n && this.same(at, bits)) return false;
      slot = (slot + 1) & mask;
    }
    if (this.used + this.entry > this.pool.length) {
      const grown = new Uint32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    const at = this.used;
    for (let i = 0; i < words; i++) this.pool[at + i] = bits[i]!;
    this.pool[at + words] = n;
    this.pool[at + words + 1] = hash;
    this.used += this.entry;
    this.table[slot] = at;
    if (++this.count * 2 > this.table.length) this.grow();
    return true;
  }

  private same(at: number, bits: Uint32Array): boolean {
    for (let i = 0; i < this.words; i++) if (this.pool[at + i] !== bits[i]) return false;
    return true;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let at = 0; at < this.used; at += this.entry) {
      let slot = mix(this.pool[at + this.words + 1]! | 0) & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = at;
    }
    this.table = table;
  }
}

/** Murmur3's finaliser: spreads a hash's bits so nearby hashes land far apart. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Fixed pseudo-random 32-bit keys (xorshift32 from a seed), so a search is the same every time: Zobrist hashing of sets. */
export function zobrist(n: number, seed = 0x9e3779b9): Int32Array {
  const out = new Int32Array(n);
  let x = seed | 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x;
  }
  return out;
}
