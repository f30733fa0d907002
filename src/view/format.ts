/** Milliseconds for people: "0", "3.40 ms", "57 ms", "1.48 s"; a dash for no value. */
export function formatMs(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  return `${x.toFixed(x < 10 ? 2 : 0)} ms`;
}

/** A probability as a percentage, with enough digits to tell 99.9% from 100%. */
export function formatPercent(p: number): string {
  if (p > 0 && p < 0.00001) return '< 0.001%';
  if (p === 0 || p === 1) return `${p * 100}%`;
  if (p > 0.999 || p < 0.001) return `${(100 * p).toFixed(3)}%`;
  return `${(100 * p).toFixed(1)}%`;
}
