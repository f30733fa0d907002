/**
 * The q-quantile of sorted values (nearest rank). Its own module, so the measurements on a
 * lab's first screen need not load the Monte Carlo.
 *
 * @example quantile([1, 2, 3, 4], 0.5) // 2
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
