import { describe, expect, it } from 'vitest';
import { makeScenario, type Action, type Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { costTo } from '../sim/cost.ts';
import { storeClock } from '../machines/playbackMachine.ts';
import { createLabStore, sliceEvents, SLICE_WORK, type Slicer } from './labStore.ts';

/** A slicer the test turns by hand: `turn()` runs one slice; `done` says whether the work finished. */
function manualSlices() {
  let step: (() => boolean) | null = null;
  const slicer: Slicer = (s) => {
    step = s;
    return () => {
      step = null;
    };
  };
  return {
    slicer,
    turn(): boolean {
      if (!step) return true;
      const finished = step();
      if (finished) step = null;
      return finished;
    },
    get waiting() {
      return step !== null;
    },
  };
}

/** Twelve thousand reads and writes, 200 a second: far more than one slice. */
function crowd(ops = 12_000): Scenario {
  const script: Action[] = Array.from({ length: ops }, (_, i) =>
    i % 2 ? { at: i * 5, type: 'write', client: 'c1', coordinator: 'ABCDE'[i % 5]!, key: `k${i % 7}`, value: String(i) } : { at: i * 5, type: 'read', client: 'c2', coordinator: 'ABCDE'[i % 5]!, key: `k${i % 7}` },
  );
  return makeScenario({ cluster: { replicas: 5, n: 3, w: 2, r: 2 }, script });
}

describe('a run simulated in slices', () => {
  it('keeps showing what it showed until the new run is ready, then shows it, traced exactly as at once', () => {
    const slices = manualSlices();
    const store = createLabStore(makeScenario({}), 0, { slices: slices.slicer });
    const before = store.getState().run;
    store.getState().load(crowd(), 50_000, { kind: 'info', text: 'opened' });
    expect(store.getState().run === before).toBe(true);
    expect(store.getState().pending?.time).toBe(50_000);
    const progress: number[] = [store.getState().pending!.progress];
    let turns = 0;
    while (!slices.turn()) {
      turns++;
      progress.push(store.getState().pending!.progress);
      expect(store.getState().run === before).toBe(true);
    }
    expect(turns).toBeGreaterThan(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const { run, time, pending, notice } = store.getState();
    expect(pending).toBeNull();
    expect(time).toBe(50_000);
    expect(notice?.text).toBe('opened');
    const atOnce = new Simulation(crowd());
    atOnce.runUntil(run.sim.now);
    expect(run.sim.trace).toEqual(atOnce.trace);
    expect(run.sim.events).toBeGreaterThan(sliceEvents(run));
  });

  it('can be stopped: what is shown stays, and nothing is pending', () => {
    const slices = manualSlices();
    const store = createLabStore(makeScenario({}), 0, { slices: slices.slicer });
    const before = store.getState().run;
    store.getState().load(crowd(), 50_000);
    slices.turn();
    expect(store.getState().pending).not.toBeNull();
    store.getState().cancelPending();
    expect(store.getState().pending).toBeNull();
    expect(store.getState().run === before).toBe(true);
    expect(slices.waiting).toBe(false);
  });

  it('moving the playhead far into a long run waits for it, and a notice set meanwhile is not overwritten', () => {
    const slices = manualSlices();
    const long = makeScenario({ cluster: { antiEntropyMs: 50 }, script: Array.from({ length: 3000 }, (_, i) => ({ at: i * 100, type: 'write', client: 'c1', coordinator: 'A', key: `k${i % 40}`, value: String(i) }) as Action) });
    const store = createLabStore(long, 0, { slices: slices.slicer });
    expect(store.getState().time).toBe(0);
    store.getState().setTime(250_000);
    expect(store.getState().time).toBe(0);
    expect(store.getState().pending?.time).toBe(250_000);
    store.getState().setNotice({ kind: 'info', text: 'newer' });
    while (!slices.turn());
    expect(store.getState().time).toBe(250_000);
    expect(store.getState().notice?.text).toBe('newer');
  });

  it('a first run too long for one slice starts from its cluster with an empty script, then shows the run', async () => {
    const slices = manualSlices();
    const store = createLabStore(crowd(), 50_000, { slices: slices.slicer });
    expect(store.getState().run.scenario.script).toEqual([]);
    await Promise.resolve();
    expect(store.getState().pending).not.toBeNull();
    while (!slices.turn());
    expect(store.getState().run.scenario.script).toHaveLength(12_000);
  });

  it('takes fewer events a slice where each event is heavier: anti-entropy carrying a hundred keys', () => {
    const light = createLabStore(crowd()).getState().run;
    const heavyScript: Action[] = Array.from({ length: 100 }, (_, i) => ({ at: i, type: 'write', client: 'c1', coordinator: 'A', key: `k${i}`, value: '1' }));
    const heavy = createLabStore(makeScenario({ cluster: { replicas: 9, n: 9, w: 1, r: 1, antiEntropyMs: 250 }, script: heavyScript })).getState().run;
    expect(sliceEvents(heavy)).toBeLessThan(sliceEvents(light) / 10);
    // A slice's events, at the run's own mix, come to about SLICE_WORK.
    const cost = costTo(heavy.scenario, 60_000);
    expect((sliceEvents(heavy) * cost.work) / cost.events).toBeLessThanOrEqual(SLICE_WORK * 1.01);
  });

  it('a load still being simulated keeps what it owes when the learner acts before it is shown: a new run counted, the selection cleared', () => {
    const slices = manualSlices();
    const store = createLabStore(makeScenario({}), 0, { slices: slices.slicer });
    store.getState().select({ kind: 'node', id: 'A' as never });
    const loads = store.getState().loads;
    store.getState().load(crowd(), 50_000);
    expect(store.getState().pending).not.toBeNull();
    store.getState().act({ type: 'crash', node: 'B' });
    while (!slices.turn());
    expect(store.getState().loads).toBe(loads + 1);
    expect(store.getState().selection).toBeNull();
  });

  it('acting while a new run is simulated builds on that run, at the time it will be shown: nothing is lost', () => {
    const slices = manualSlices();
    const store = createLabStore(makeScenario({}), 0, { slices: slices.slicer });
    store.getState().load(crowd(), 50_000);
    store.getState().act({ type: 'crash', node: 'B' });
    store.getState().act({ type: 'crash', node: 'C' });
    while (!slices.turn());
    const { run, time } = store.getState();
    expect(time).toBe(50_000);
    // Acting at 50 s forks there, as acting anywhere does: the 10,001 actions up to it, the
    // two crashes, and the loaded run's later 1,999 (not the learner's, so not dropped).
    expect(run.scenario.script).toHaveLength(12_002);
    expect(run.scenario.script.filter((a) => a.type === 'crash').map((a) => a.type === 'crash' && a.node)).toEqual(['B', 'C']);
    expect(run.scenario.script.findIndex((a) => a.type === 'crash')).toBe(10_001);
  });

  it('the playback clock waits while a new run is simulated, and a dismissed notice does not swallow the new run’s', () => {
    const slices = manualSlices();
    const store = createLabStore(makeScenario({}), 0, { slices: slices.slicer });
    store.getState().setNotice({ kind: 'info', text: 'old' });
    store.getState().load(crowd(), 50_000, { kind: 'info', text: 'opened' });
    const clock = storeClock(store);
    expect(clock.busy!()).toBe(true);
    store.getState().setNotice(null);
    while (!slices.turn());
    expect(clock.busy!()).toBe(false);
    expect(store.getState().notice?.text).toBe('opened');
  });
});
