import { describe, expect, it } from 'vitest';
import { compareSetups, FAULTS, scenarioFor, SETUPS } from './replicationRuns.ts';
import { validateScenario } from '../../../sim/scenarioSchema.ts';

/** What the replication lab's table claims, held to the runs it measures. */
describe('the replication lab’s runs', () => {
  it('are valid scenarios, every setup by every fault schedule, reads from the leader or not', () => {
    for (const setup of SETUPS) for (const fault of FAULTS) for (const reads of [false, true]) expect(validateScenario(scenarioFor(setup, fault, reads)).ok).toBe(true);
  });

  const byId = (fault: (typeof FAULTS)[number], reads = false) => new Map(compareSetups(fault, reads).map((r) => [r.setup, r]));

  it('cutting off an asynchronous leader loses acknowledged writes; waiting for followers loses none', () => {
    const rows = byId('leader-cut');
    expect(rows.get('async')!.lost).toBeGreaterThan(0);
    expect(rows.get('semi-sync')!.lost).toBe(0);
    expect(rows.get('sync')!.lost).toBe(0);
  });

  it('waiting for every follower makes writes slower and, with a follower down, unavailable', () => {
    const calm = byId('none');
    expect(calm.get('sync')!.m.writeLatency.p50).toBeGreaterThan(calm.get('async')!.m.writeLatency.p50);
    expect(calm.get('sync')!.unavailable).toBe(0);
    const down = byId('follower-crash');
    expect(down.get('sync')!.m.failedWrites).toBeGreaterThan(0);
    expect(down.get('async')!.m.failedWrites).toBe(0);
    expect(down.get('semi-sync')!.m.failedWrites).toBe(0);
  });

  it('two leaders stay writable in both regions while they are cut apart', () => {
    const cut = byId('leader-cut');
    expect(cut.get('two-leaders')!.m.failedWrites).toBe(0);
    expect(cut.get('sync')!.m.failedWrites).toBeGreaterThan(0);
  });

  it('every setup converges after the last write once the faults are over', () => {
    for (const fault of FAULTS) for (const r of compareSetups(fault, false)) expect(r.convergeMs, `${r.setup}, ${fault}`).not.toBeNull();
  });

  it('with no faults nothing is lost, stale or unavailable when reads go to the leader', () => {
    for (const r of compareSetups('none', false)) {
      if (r.setup === 'leaderless' || r.setup === 'two-leaders') continue;
      expect([r.lost, r.m.staleReads, r.unavailable]).toEqual([0, 0, 0]);
    }
  });
});
