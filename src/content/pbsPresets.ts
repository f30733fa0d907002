import type { Distribution } from '../sim/distributions.ts';
import type { WarsDistributions } from '../analysis/wars.ts';

/**
 * The production latency fits published with the PBS paper (Bailis et al., VLDB 2012,
 * Table 3), in milliseconds: Pareto(xm, α) and Exponential(λ) with λ per ms (mean 1/λ ms), mixed by weight.
 */
export interface PbsPreset {
  readonly id: string;
  readonly name: string;
  /** Where the numbers come from, in our words. */
  readonly source: string;
  readonly dists: WarsDistributions;
}

function mix(paretoWeight: number, xm: number, alpha: number, rate: number): Distribution {
  return {
    kind: 'mix',
    parts: [
      { weight: paretoWeight, dist: { kind: 'pareto', xm, alpha } },
      { weight: 1 - paretoWeight, dist: { kind: 'exponential', rate } },
    ],
  };
}

const SSD = mix(0.9122, 0.235, 10, 1.66);
const DISK_WRITE = mix(0.38, 1.05, 1.51, 0.183);
const YMMR_WRITE = mix(0.939, 3, 3.35, 0.0028);
const YMMR_OTHER = mix(0.982, 1.5, 3.8, 0.0217);

export const PBS_PRESETS: readonly PbsPreset[] = [
  {
    id: 'lnkd-ssd',
    name: 'LinkedIn, SSDs (LNKD-SSD)',
    source: 'Voldemort at LinkedIn on solid-state disks: every message 91.22% Pareto(xm 0.235 ms, α 10) + 8.78% exponential (λ 1.66 per ms).',
    dists: { w: SSD, a: SSD, r: SSD, s: SSD },
  },
  {
    id: 'lnkd-disk',
    name: 'LinkedIn, spinning disks (LNKD-DISK)',
    source: 'The same, with writes going to spinning disks: W is 38% Pareto(xm 1.05 ms, α 1.51) + 62% exponential (λ 0.183 per ms); A, R and S as on SSDs.',
    dists: { w: DISK_WRITE, a: SSD, r: SSD, s: SSD },
  },
  {
    id: 'ymmr',
    name: 'Yammer (YMMR)',
    source: 'Riak at Yammer: W is 93.9% Pareto(xm 3 ms, α 3.35) + 6.1% exponential (λ 0.0028 per ms); A, R and S are 98.2% Pareto(xm 1.5 ms, α 3.8) + 1.8% exponential (λ 0.0217 per ms).',
    dists: { w: YMMR_WRITE, a: YMMR_OTHER, r: YMMR_OTHER, s: YMMR_OTHER },
  },
  {
    id: 'wan',
    name: 'Across datacenters (WAN)',
    source: 'LNKD-DISK, with one replica local and the other N − 1 in other datacenters: 75 ms more on every message to or from them.',
    dists: { w: DISK_WRITE, a: SSD, r: SSD, s: SSD, remoteMs: 75 },
  },
];
