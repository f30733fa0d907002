import { describe, expect, it } from 'vitest';
import { historyFromRun } from '../check/fromTrace.ts';
import { linearizable } from '../check/linearizability.ts';
import { staleReads } from '../check/staleReads.ts';
import { writeBackWaits } from '../analysis/writeBackWaits.ts';
import { Simulation } from '../sim/simulation.ts';
import { QUORUM_NOT_LINEARIZABLE, writeBackWorkload } from './spectrumStories.ts';

function run(writeBack: boolean) {
  const sim = new Simulation(QUORUM_NOT_LINEARIZABLE.scenario(writeBack));
  sim.runUntil(5000);
  return sim;
}

describe('W + R > N, and still not linearizable', () => {
  it('without write-back: every operation succeeds, no read is stale, and the history is not linearizable', () => {
    const sim = run(false);
    expect(sim.trace.ops.map((o) => o.outcome)).toEqual(['ok', 'ok', 'ok']);
    const [write, first, second] = sim.trace.ops;
    // The story's order of events: the first read returns 1, the second starts after it and returns nothing, the write completes last.
    expect(first!.result).toEqual(['1']);
    expect(second!.result).toEqual([]);
    expect(first!.completedAt!).toBeLessThan(second!.invokedAt);
    expect(write!.completedAt!).toBeGreaterThan(second!.completedAt!);
    expect(staleReads(sim.trace.ops, sim.strategy)).toEqual([]);
    const v = linearizable(historyFromRun(sim.trace.ops, sim.strategy.id)!);
    expect(v.result === 'violated' && [...v.witness.ops].sort()).toEqual([0, 1, 2]);
  });

  it('with write-back: linearizable, no read stale', () => {
    const fixed = run(true);
    expect(fixed.trace.ops.map((o) => o.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(fixed.trace.ops.slice(1).map((o) => o.result)).toEqual([['1'], ['1']]);
    expect(linearizable(historyFromRun(fixed.trace.ops, fixed.strategy.id)!).result).toBe('satisfied');
    expect(staleReads(fixed.trace.ops, fixed.strategy)).toEqual([]);
  });

  it('write-back costs reads time on a busy workload: some reads wait for its acknowledgements', () => {
    const sim = new Simulation(writeBackWorkload(true));
    sim.runUntil(25_000);
    const cost = writeBackWaits(sim.trace);
    expect(cost.reads).toBeGreaterThan(150);
    expect(cost.waited).toBeGreaterThan(0);
    expect(cost.waited).toBeLessThan(cost.reads);
    expect(cost.meanWaitMs).toBeGreaterThan(10);
    // In the story itself neither read waits: the coordinator and one replica already hold the value.
    expect(writeBackWaits(run(true).trace).waited).toBe(0);
  });
});
