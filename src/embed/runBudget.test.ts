import { describe, expect, it } from 'vitest';
import { replicaIds } from '../sim/ids.ts';
import { makeScenario, MAX_TIME, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { createLabStore } from '../store/labStore.ts';
import { readParams } from './params.ts';
import { PLAYGROUND_PARAMS } from './playgroundParams.ts';
import { encodeRun } from './urlCodec.ts';

/** The hostile link: 9 replicas, N = W = R = 9, `keys` keys, anti-entropy every 250 ms, the playhead at one hour. */
function heavy(keys: number) {
  const ids = replicaIds(9);
  const script: Action[] = Array.from({ length: keys }, (_, i) => ({ at: i, type: 'write', client: 'c1', coordinator: ids[i % 9]!, key: `k${i}`, value: '1' }));
  return makeScenario({ cluster: { replicas: 9, n: 9, w: 9, r: 9, antiEntropyMs: 250 }, script });
}

describe('a run bigger than the lab simulates', () => {
  it('is refused from a link before anything is computed, said in words, with a smaller run offered', () => {
    const link = `?lab=playground&run=${encodeRun({ scenario: heavy(100), time: MAX_TIME })}`;
    const started = performance.now();
    const { values, problems, offers } = readParams(PLAYGROUND_PARAMS, link);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(values.run).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^This run is too heavy to simulate here: 9 replicas, 100 keys, 100 reads and writes and anti-entropy every 250 ms, up to 1:00:00, would take about \d+ times what the lab simulates in one run\./);
    expect(problems[0]).toMatch(/The lab started with its default settings instead\.$/);
    expect(offers.run!.scenario.script).toEqual(heavy(100).script);
    expect(offers.run!.time).toBeLessThan(MAX_TIME);
  });

  it('goes through from a link as before when it fits: the same scenario, simulated to the same trace', () => {
    const scenario = heavy(3);
    const { values, problems } = readParams(PLAYGROUND_PARAMS, `?run=${encodeRun({ scenario, time: 5000 })}`);
    expect(problems).toEqual([]);
    expect(values.run).toEqual({ scenario, time: 5000 });
    const a = new Simulation(values.run!.scenario);
    const b = new Simulation(scenario);
    a.runUntil(9000);
    b.runUntil(9000);
    expect(a.trace).toEqual(b.trace);
  });

  it('in the store: acting is refused when it would make the run too big, and nothing is lost', () => {
    const store = createLabStore(heavy(3));
    const before = store.getState().run;
    // Ten thousand keys, 200 writes a second: anti-entropy on nine replicas would have to carry them all, four times a second.
    store.getState().actMany(Array.from({ length: 10_000 }, (_, i) => ({ type: 'write' as const, client: 'c1', coordinator: 'A', key: `n${i}`, value: '1', after: i * 5 })));
    // Compared by identity (a failing toBe would print two whole simulations).
    expect(store.getState().run === before).toBe(true);
    expect(store.getState().notice?.text).toMatch(/^This run is too heavy to simulate here: .* Nothing was changed\.$/);
  });

  it('in the store: the playhead stops where a heavy run’s budget does, and says so once', () => {
    const store = createLabStore(heavy(60));
    const { limit } = store.getState().run;
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThan(MAX_TIME);
    store.getState().setTime(MAX_TIME);
    expect(store.getState().time).toBe(limit);
    expect(store.getState().notice?.text).toMatch(/^This run is too heavy to simulate past \d+:\d\d /);
    store.getState().setNotice(null);
    store.getState().setTime(limit - 1000);
    expect(store.getState().notice).toBeNull();
    // An ordinary run goes the whole hour: no "too heavy" there.
    expect(createLabStore(makeScenario({})).getState().run.limit).toBe(MAX_TIME);
  });

  it('is refused when too crowded to show, with its first actions offered', () => {
    const crowd = makeScenario({ cluster: { replicas: 5, n: 3 }, script: Array.from({ length: 20_000 }, (_, i) => ({ at: 0, type: 'read', client: 'c1', coordinator: 'A', key: `k${i % 20}` }) as Action) });
    const { values, problems, offers } = readParams(PLAYGROUND_PARAMS, `?run=${encodeRun({ scenario: { ...crowd, script: crowd.script.slice(0, 2000) }, time: 0 })}`);
    expect(values.run).toBeNull();
    expect(problems[0]).toMatch(/^This run is too crowded to show: 2,000 reads and writes start within one second, and the lab shows at most 250 a second\./);
    expect(offers.run!.scenario.script.length).toBeLessThanOrEqual(250);
    expect(offers.run!.scenario.script.length).toBeGreaterThan(100);
  });
});
