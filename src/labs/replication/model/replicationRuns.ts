import '../../../sim/protocols/leaderInstall.ts';
import { lostWrites } from '../../../analysis/leaderLedger.ts';
import { measure, type Measurements } from '../../../analysis/measure.ts';
import { lostWrites as olderWins } from '../../../check/lostWrites.ts';
import type { NodeId } from '../../../sim/ids.ts';
import { makeScenario, type Action, type Scenario } from '../../../sim/scenario.ts';
import { Simulation } from '../../../sim/simulation.ts';
import { workload } from '../../../sim/workload.ts';

/**
 * The replication lab's runs: one seeded workload and one fault schedule, replicated four
 * ways (leaderless quorums, and one leader asynchronous, semi-synchronous or synchronous),
 * and what each run measured.
 */

export const SETUPS = ['leaderless', 'async', 'semi-sync', 'sync', 'two-leaders'] as const;
export type SetupId = (typeof SETUPS)[number];

export const SETUP_NAMES: Record<SetupId, string> = {
  leaderless: 'Leaderless, W = R = 2',
  async: 'One leader, asynchronous',
  'semi-sync': 'One leader, semi-synchronous',
  sync: 'One leader, synchronous',
  'two-leaders': 'Two leaders, one per region',
};

/** The setups with one leader: the ledger of lost writes reads their log. */
export function isSingleLeader(setup: SetupId): setup is 'async' | 'semi-sync' | 'sync' {
  return setup === 'async' || setup === 'semi-sync' || setup === 'sync';
}

/** How many followers each single-leader setup waits for, of the two. */
const FOLLOWER_ACKS: Record<'async' | 'semi-sync' | 'sync', number> = { async: 0, 'semi-sync': 1, sync: 2 };

export const FAULTS = ['leader-cut', 'leader-crash', 'follower-crash', 'none'] as const;
export type FaultId = (typeof FAULTS)[number];

export const FAULT_NAMES: Record<FaultId, string> = {
  'leader-cut': 'A cut off from B and C, with c1 (2 s to 7 s)',
  'leader-crash': 'A crashes (2 s), and comes back (7 s)',
  'follower-crash': 'C crashes (2 s), and comes back (8.5 s)',
  none: 'No faults',
};

/**
 * The workload's last operation is before this, and before the faults end (7 s), so the
 * time to converge after the last write includes the recovery, not just one write's trip.
 */
const WORKLOAD_MS = 6500;
export const RUN_MS = 15_000;
export const FIRST_LEADER = 'A' as NodeId;

function faultActions(fault: FaultId): Action[] {
  switch (fault) {
    case 'leader-cut':
      return [
        { at: 2000, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] },
        { at: 7000, type: 'heal-all' },
      ];
    case 'leader-crash':
      return [
        { at: 2000, type: 'crash', node: 'A' },
        { at: 7000, type: 'recover', node: 'A' },
      ];
    case 'follower-crash':
      return [
        // Down long enough for its lag to cross the board's 5 s alert line, and clear once it is back.
        { at: 2000, type: 'crash', node: 'C' },
        { at: 8500, type: 'recover', node: 'C' },
      ];
    case 'none':
      return [];
  }
}

export function scenarioFor(setup: SetupId, fault: FaultId, followerReads: boolean): Scenario {
  const ops = workload({ from: 200, durationMs: WORKLOAD_MS - 200, opsPerSecond: 6, readFraction: 0.5, clients: ['c1', 'c2'], coordinators: ['A', 'B', 'C'], keys: ['x', 'y'], seed: 11 });
  const cluster =
    setup === 'leaderless'
      ? { replicas: 3, n: 3, w: 2, r: 2 }
      : setup === 'two-leaders'
        ? // A leads c1's region, B leads c2's (with C); both answer at once, and last write wins.
          { replicas: 3, n: 3, topology: 'multi-leader' as const }
        : { replicas: 3, n: 3, topology: 'single-leader' as const, followerAcks: FOLLOWER_ACKS[setup], followerReads, failoverMs: 2000 };
  return makeScenario({ seed: 7, cluster: { ...cluster, clients: ['c1', 'c2'] }, script: [...ops, ...faultActions(fault)] });
}

export interface RunFigures {
  readonly setup: SetupId;
  readonly m: Measurements;
  /** Acknowledged writes that no replica serving the key will return (single-leader: missing from the leader's log). */
  readonly lost: number;
  /** Requests that failed or timed out. */
  readonly unavailable: number;
  /** From the last write's invocation to the last change to any replica, if the replicas then agree; null if they do not. */
  readonly convergeMs: number | null;
}

/** Measure one finished run. */
export function figuresOf(setup: SetupId, sim: Simulation): RunFigures {
  const ops = sim.trace.ops;
  const m = measure(ops, sim.strategy);
  // Without one leader nothing is rolled back: a write is lost when the store keeps an older one over it (check/lostWrites.ts).
  const lost = isSingleLeader(setup) ? lostWrites(sim.trace, FIRST_LEADER, sim.now).length : olderWins(ops, sim.strategy, sim.now).length;
  return { setup, m, lost, unavailable: m.failedReads + m.failedWrites, convergeMs: convergence(sim) };
}

function convergence(sim: Simulation): number | null {
  const s = sim.strategy;
  const keys = new Set<string>();
  for (const n of sim.ring) for (const k of sim.replica(n).storage.keys()) keys.add(k);
  for (const k of keys) {
    const first = sim.replica(sim.ring[0]!).storage.get(k) ?? s.empty();
    if (!sim.ring.every((n) => s.equals(sim.replica(n).storage.get(k) ?? s.empty(), first))) return null;
  }
  const lastWrite = Math.max(...sim.trace.ops.filter((o) => o.kind === 'write').map((o) => o.invokedAt));
  const changes = sim.trace.changes;
  const lastChange = changes.length === 0 ? lastWrite : changes.changedAt(changes.length - 1);
  return Math.max(0, lastChange - lastWrite);
}

/** Every setup on the same workload and fault schedule. */
export function compareSetups(fault: FaultId, followerReads: boolean): RunFigures[] {
  return SETUPS.map((setup) => {
    const sim = new Simulation(scenarioFor(setup, fault, followerReads));
    sim.runUntil(RUN_MS);
    return figuresOf(setup, sim);
  });
}
