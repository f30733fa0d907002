import { PBS_PRESETS } from '../src/content/pbsPresets.ts';
import { consistentAt, runWars, visibleAfter } from '../src/analysis/wars.ts';

/** 100,000 WARS trials on each of the paper's fits, N=3, W=R=1: time and the headline figures. */
export function benchWars(trials = 100_000) {
  return PBS_PRESETS.map((preset) => {
    runWars({ n: 3, w: 1, r: 1, dists: preset.dists, trials: 2000, seed: 7 }); // warm up
    const start = process.hrtime.bigint();
    const result = runWars({ n: 3, w: 1, r: 1, dists: preset.dists, trials, seed: 7 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { id: preset.id, ms, consistentAt0: consistentAt(result, 0), visible999: visibleAfter(result, 0.999) };
  });
}
