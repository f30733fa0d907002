import { describe, expect, it } from 'vitest';
import { makeScenario } from '../sim/scenario.ts';
import { createLabStore } from './labStore.ts';
import { LOOKAHEAD_MS } from './run.ts';

describe('createLabStore', () => {
  it('stamps an action with the playhead and adds it to the script', () => {
    const store = createLabStore(makeScenario({}));
    store.getState().setTime(250);
    store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
    expect(store.getState().run.scenario.script).toEqual([{ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1', at: 250 }]);
    expect(store.getState().notice).toBeNull();
  });

  it('forks the run when acting in the past, dropping the old future, and says so', () => {
    const store = createLabStore(makeScenario({}));
    store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
    store.getState().setTime(2000);
    store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '2' });
    store.getState().setTime(500);
    store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '3' });
    expect(store.getState().run.scenario.script.map((a) => (a.type === 'write' ? a.value : a.type))).toEqual(['1', '3']);
    expect(store.getState().notice?.text).toMatch(/the run now forks at 0\.50 s without it/);
  });

  it('keeps the past identical across a fork', () => {
    const store = createLabStore(makeScenario({}));
    store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
    store.getState().setTime(1000);
    const before = JSON.stringify(store.getState().run.sim.trace.messages.slice().filter((m) => m.sentAt < 1000));
    store.getState().act({ type: 'read', client: 'c2', coordinator: 'B', key: 'x' });
    const after = JSON.stringify(store.getState().run.sim.trace.messages.slice().filter((m) => m.sentAt < 1000));
    expect(after).toBe(before);
  });

  it('simulates ahead of the playhead as it moves, without a new run or a change to what earlier moments said', () => {
    const store = createLabStore(makeScenario({ script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }));
    const run = store.getState().run;
    const early = run.at(500);
    store.getState().setTime(60_000);
    expect(store.getState().run).toBe(run);
    expect(run.sim.now).toBeGreaterThanOrEqual(60_000 + LOOKAHEAD_MS / 2);
    // The moment is remembered, frozen, and the same as one computed afresh after the run grew.
    expect(run.at(500)).toBe(early);
    expect(Object.isFrozen(early)).toBe(true);
    const fresh = createLabStore(makeScenario({ script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] })).getState().run.at(500);
    expect(early.ops.map((o) => [o.op.id, o.status])).toEqual(fresh.ops.map((o) => [o.op.id, o.status]));
    expect([...early.moment.storage.get('A' as never)!]).toEqual([...fresh.moment.storage.get('A' as never)!]);
  });

  it('resets to an empty script with the same cluster', () => {
    const store = createLabStore(makeScenario({ cluster: { replicas: 5 } }));
    store.getState().act({ type: 'crash', node: 'E' });
    store.getState().reset();
    expect(store.getState().run.scenario.script).toEqual([]);
    expect(store.getState().run.replicas).toHaveLength(5);
    expect(store.getState().time).toBe(0);
  });

  it('offers the run back after a reset, and loading it restores script and playhead', () => {
    const store = createLabStore(makeScenario({}));
    store.getState().setTime(1200);
    store.getState().act({ type: 'crash', node: 'B' });
    const before = store.getState().run.scenario;
    store.getState().reset();
    const undo = store.getState().notice?.offer;
    expect(store.getState().notice?.text).toBe('The run was reset: 1 action cleared.');
    expect(undo).toEqual({ label: 'Undo', scenario: before, time: 1200 });
    store.getState().load(undo!.scenario, undo!.time);
    expect(store.getState().run.scenario.script).toEqual(before.script);
    expect(store.getState().time).toBe(1200);
    // Once the learner builds a new run, the offer is withdrawn: undoing would lose it.
    store.getState().reset();
    store.getState().act({ type: 'crash', node: 'C' });
    expect(store.getState().notice).toBeNull();
    // Resetting an empty run has nothing to give back.
    const empty = createLabStore(makeScenario({}));
    empty.getState().reset();
    expect(empty.getState().notice).toBeNull();
  });
});
