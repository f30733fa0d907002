import './leaderInstall.ts';
import { describe, expect, it } from 'vitest';
import { leaderAt, logAt, lostWrites } from '../../analysis/leaderLedger.ts';
import type { NodeId } from '../ids.ts';
import { makeScenario, type Action, type ClusterConfig } from '../scenario.ts';
import { validateScenario } from '../scenarioSchema.ts';
import { Simulation } from '../simulation.ts';

const A = 'A' as NodeId;
const W = (at: number, value: string, client = 'c1', key = 'x'): Action => ({ at, type: 'write', client, coordinator: 'C', key, value });
const R = (at: number, client = 'c2', coordinator = 'C', key = 'x'): Action => ({ at, type: 'read', client, coordinator, key });

function run(script: Action[], cluster: Partial<ClusterConfig> = {}, until = 12_000) {
  const scenario = makeScenario({ seed: 5, cluster: { topology: 'single-leader', ...cluster }, script });
  const checked = validateScenario(scenario);
  if (!checked.ok) throw new Error(checked.error);
  const sim = new Simulation(checked.value);
  sim.runUntil(until);
  return sim;
}

/** A (the leader) and c1 cut off from B, C and c2 at 900 ms, healed at 6 s. */
const SPLIT: Action[] = [
  { at: 900, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] },
  { at: 6000, type: 'heal-all' },
];

const value = (sim: Simulation, node: string, key = 'x') => sim.strategy.values(sim.replica(node as NodeId).storage.get(key) ?? null);

describe('single-leader replication', () => {
  it('sends every write to the leader, whichever replica the action names, and copies it to every follower', () => {
    const sim = run([W(0, '1')]);
    const op = sim.trace.ops[0]!;
    expect(op.coordinator).toBe('A');
    expect(op.outcome).toBe('ok');
    for (const node of sim.ring) expect(value(sim, node)).toEqual(['1']);
    for (const node of sim.ring) expect(logAt(sim.trace, node, 12_000)).toEqual([op.id]);
  });

  it('acknowledges an asynchronous write at once, a synchronous one only after every follower has it', () => {
    const fast = run([W(0, '1')], { followerAcks: 0 }).trace.ops[0]!;
    const slow = run([W(0, '1')], { followerAcks: 2 }).trace.ops[0]!;
    expect(fast.quorum).toEqual(['A']);
    expect([...slow.quorum].sort()).toEqual(['A', 'B', 'C']);
    expect(slow.completedAt! - slow.invokedAt).toBeGreaterThan(fast.completedAt! - fast.invokedAt);
  });

  it('stalls every synchronous write while one follower is down, and says why', () => {
    const sim = run([{ at: 0, type: 'crash', node: 'C' }, W(100, '1'), W(3000, '2')], { followerAcks: 2 });
    for (const op of sim.trace.ops) {
      expect(op.outcome).toBe('fail');
      expect(op.reason).toMatch(/only 1 of the 2 followers/);
    }
  });

  it('answers reads from the leader, or with follower reads from the replica asked (which may be behind)', () => {
    const leaderOnly = run([W(0, '1'), R(1, 'c2', 'C')]);
    expect(leaderOnly.trace.ops[1]!.coordinator).toBe('A');
    const followers = run([W(0, '1'), R(1, 'c2', 'C')], { followerReads: true });
    const read = followers.trace.ops[1]!;
    expect(read.coordinator).toBe('C');
    expect(read.outcome).toBe('ok');
    // C answered before the write could have reached it.
    expect(read.result).toEqual([]);
  });

  it('fails over to a follower once the leader has been unreachable for failoverMs, in a new term', () => {
    const sim = run([{ at: 500, type: 'crash', node: 'A' }], { failoverMs: 2000 });
    const promote = sim.trace.events.find((e) => e.type === 'promote');
    expect(promote).toMatchObject({ type: 'promote', term: 2, from: 'A' });
    expect(promote!.at).toBeGreaterThanOrEqual(2500);
    expect(promote!.at).toBeLessThan(3200);
    expect(leaderAt(sim.trace, A, 12_000)).toBe(promote!.type === 'promote' ? promote!.node : null);
  });

  it('never fails over with failoverMs 0: writes are unavailable while the leader is down', () => {
    const sim = run([{ at: 500, type: 'crash', node: 'A' }, W(1000, '1'), W(5000, '2')], { failoverMs: 0 });
    expect(sim.trace.events.some((e) => e.type === 'promote')).toBe(false);
    expect(sim.trace.ops.every((op) => op.outcome === 'timeout')).toBe(true);
  });

  it('asynchronous: an old leader cut off from the rest keeps acknowledging writes, which are lost when it returns and rolls back', () => {
    const sim = run([...SPLIT, W(1000, 'old'), W(4000, 'new', 'c2')], { followerAcks: 0 });
    const [old, fresh] = sim.trace.ops;
    expect(old!.outcome).toBe('ok');
    expect(old!.coordinator).toBe('A');
    expect(fresh!.outcome).toBe('ok');
    expect(fresh!.coordinator).not.toBe('A');
    const stepDown = sim.trace.events.find((e) => e.type === 'step-down');
    const rollback = sim.trace.events.find((e) => e.type === 'rollback');
    expect(stepDown).toMatchObject({ node: 'A', term: 2 });
    expect(rollback).toMatchObject({ node: 'A', ops: [old!.id] });
    // The returning leader did not overwrite the newer write: every replica ends with it.
    for (const node of sim.ring) expect(value(sim, node)).toEqual(['new']);
    const lost = lostWrites(sim.trace, A, 12_000);
    expect(lost.map((l) => l.op.id)).toEqual([old!.id]);
    expect(lost[0]).toMatchObject({ ackedBy: 'A', rolledBack: true });
  });

  it('semi-synchronous: the cut-off leader cannot acknowledge, so failover loses nothing', () => {
    const sim = run([...SPLIT, W(1000, 'old'), W(4000, 'new', 'c2')], { followerAcks: 1 });
    expect(sim.trace.ops[0]!.outcome).toBe('fail');
    expect(sim.trace.ops[1]!.outcome).toBe('ok');
    expect(lostWrites(sim.trace, A, 12_000)).toEqual([]);
    for (const node of sim.ring) expect(value(sim, node)).toEqual(['new']);
  });

  it('synchronous: nothing is lost, but the new leader stalls too while the old one, now its follower, is cut off', () => {
    const sim = run([...SPLIT, W(1000, 'old'), W(4000, 'new', 'c2'), W(8000, 'later', 'c2')], { followerAcks: 2 });
    expect(sim.trace.ops.map((op) => op.outcome)).toEqual(['fail', 'fail', 'ok']);
    expect(lostWrites(sim.trace, A, 12_000)).toEqual([]);
    for (const node of sim.ring) expect(value(sim, node)).toEqual(['later']);
  });

  it('semi-synchronous: the promoted follower is one that acknowledged, so a crash right after the acknowledgement loses nothing', () => {
    // One follower's link is slow: the other acknowledges, the leader crashes before the slow copy lands.
    const scenario = makeScenario({
      seed: 5,
      cluster: { topology: 'single-leader', followerAcks: 1 },
      network: { links: [{ from: 'A', to: 'C', latency: { kind: 'constant', ms: 900 } }] },
      script: [W(0, '1'), { at: 400, type: 'crash', node: 'A' }, W(4000, '2', 'c2')],
    });
    const sim = new Simulation(scenario);
    sim.runUntil(12_000);
    expect(sim.trace.ops[0]!.outcome).toBe('ok');
    expect(sim.trace.events.find((e) => e.type === 'promote')).toMatchObject({ node: 'B' });
    expect(lostWrites(sim.trace, A, 12_000)).toEqual([]);
  });

  it('a recovered old leader that still believes it leads takes a write until it hears the new term, then loses it', () => {
    const sim = run([W(0, 'first'), { at: 200, type: 'crash', node: 'A' }, { at: 4000, type: 'recover', node: 'A' }, W(4001, 'stale-route', 'c3')], { clients: ['c1', 'c2', 'c3'] });
    // c3 has never written: it looks the leader up and is sent to the new one, so nothing is lost.
    expect(sim.trace.ops[1]!.coordinator).not.toBe('A');
    expect(lostWrites(sim.trace, A, 12_000)).toEqual([]);
    const stale = run([W(0, 'first'), { at: 200, type: 'crash', node: 'A' }, { at: 4000, type: 'recover', node: 'A' }, W(4001, 'stale-route')]);
    // c1 wrote through A before: its cached route still points there, and A takes the write.
    const op = stale.trace.ops[1]!;
    expect(op.coordinator).toBe('A');
    expect(op.outcome).toBe('ok');
    expect(lostWrites(stale.trace, A, 12_000).map((l) => l.op.id)).toEqual([op.id]);
    for (const node of stale.ring) expect(value(stale, node)).toEqual(['first']);
  });

  it('refuses settings that belong to the leaderless protocol, saying why', () => {
    const bad = validateScenario(makeScenario({ cluster: { topology: 'single-leader', strategy: 'mv' } }));
    expect(bad).toMatchObject({ ok: false, path: 'cluster.topology' });
    const repair = validateScenario(makeScenario({ cluster: { topology: 'single-leader', readRepair: true } }));
    expect(repair.ok).toBe(false);
    const acks = validateScenario(makeScenario({ cluster: { topology: 'single-leader', followerAcks: 3 } }));
    expect(acks).toMatchObject({ ok: false, path: 'cluster.followerAcks' });
    expect(validateScenario(makeScenario({ cluster: { topology: 'single-leader', failoverMs: 50 } })).ok).toBe(false);
  });
});
