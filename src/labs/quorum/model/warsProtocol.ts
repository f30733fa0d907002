import { quantile } from '../../../analysis/quantile.ts';
import { consistencyCurve, consistentAt, runWars, visibleAfter, type WarsInput } from '../../../analysis/wars.ts';

/** What the page asks the worker: the Monte Carlo's input, numbered so answers can be matched. */
export interface WarsRequest extends WarsInput {
  readonly id: number;
}

/** What comes back: everything the panel draws, small enough to post. */
export interface WarsSummary {
  readonly id: number;
  readonly trials: number;
  readonly ms: number;
  readonly consistentAtZero: number;
  readonly visible999: number;
  readonly curve: readonly { readonly t: number; readonly p: number }[];
  readonly writeP50: number;
  readonly writeP999: number;
  readonly readP50: number;
  readonly readP999: number;
}

/** Run the trials and summarise them. Used inside the worker, and directly where there is none. */
export function summarise(req: WarsRequest, now: () => number): WarsSummary {
  const start = now();
  const result = runWars(req);
  const visible999 = visibleAfter(result, 0.999);
  const tMax = Math.max(1, visible999 * 1.25);
  return {
    id: req.id,
    trials: req.trials,
    ms: now() - start,
    consistentAtZero: consistentAt(result, 0),
    visible999,
    curve: consistencyCurve(result, tMax, 120),
    writeP50: quantile(result.writeLatency, 0.5),
    writeP999: quantile(result.writeLatency, 0.999),
    readP50: quantile(result.readLatency, 0.5),
    readP999: quantile(result.readLatency, 0.999),
  };
}
