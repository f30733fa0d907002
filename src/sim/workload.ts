import { createRng } from './rng.ts';
import type { Action } from './scenario.ts';

/** The labs' standard stream: ten seconds, twenty operations a second, half of them reads. */
export const STANDARD_WORKLOAD = { durationMs: 10_000, opsPerSecond: 20, readFraction: 0.5 } as const;

export interface WorkloadSpec {
  /** When the stream starts and how long it runs (virtual ms). */
  readonly from: number;
  readonly durationMs: number;
  readonly opsPerSecond: number;
  /** Share of operations that are reads, 0 to 1. */
  readonly readFraction: number;
  readonly clients: readonly string[];
  /** Coordinators to spread requests over. */
  readonly coordinators: readonly string[];
  readonly keys: readonly string[];
  readonly seed: number;
}

/**
 * A steady stream of writes and reads from several clients, as script actions: evenly
 * spaced, each from a client in turn, through a random coordinator, on a random key.
 * Its own seed, so the same workload can be replayed against different quorum settings.
 *
 * @example workload({ from: 0, durationMs: 1000, opsPerSecond: 10, readFraction: 0.5, clients: ['c1'], coordinators: ['A'], keys: ['x'], seed: 1 }).length // 10
 */
export function workload(spec: WorkloadSpec): Action[] {
  const rng = createRng(spec.seed);
  const count = Math.floor((spec.durationMs / 1000) * spec.opsPerSecond);
  const gap = 1000 / spec.opsPerSecond;
  const out: Action[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.round((spec.from + i * gap) * 10) / 10;
    const client = spec.clients[i % spec.clients.length]!;
    const coordinator = spec.coordinators[rng.int(spec.coordinators.length)]!;
    const key = spec.keys[rng.int(spec.keys.length)]!;
    if (rng.next() < spec.readFraction) out.push({ at, type: 'read', client, coordinator, key });
    else out.push({ at, type: 'write', client, coordinator, key, value: String(i + 1) });
  }
  return out;
}
