import './sessions/install.ts';
import { describe, expect, it } from 'vitest';
import { validateScenario } from './scenarioSchema.ts';
import { makeScenario, type Action, type ClusterConfig } from './scenario.ts';
import { Simulation } from './simulation.ts';
import type { NodeId } from './ids.ts';

const W = (at: number, value: string, coordinator = 'A', key = 'x', client = 'c1'): Action => ({ at, type: 'write', client, coordinator, key, value });
const R = (at: number, coordinator = 'A', key = 'x', client = 'c1'): Action => ({ at, type: 'read', client, coordinator, key });

/** N = 3 of 3, W = R = 1, 50 ms a message, the links named slow (1 s unless said), no repairs: a replica learns a write only from its coordinator. */
function run(script: Action[], cluster: Partial<ClusterConfig> = {}, slow: [string, string][] = [['A', 'B']], slowMs = 1000, until = 10_000) {
  const sim = new Simulation(
    makeScenario({
      seed: 1,
      cluster: { replicas: 3, n: 3, w: 1, r: 1, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0, ...cluster },
      network: { latency: { kind: 'constant', ms: 50 }, links: slow.map(([from, to]) => ({ from, to, latency: { kind: 'constant', ms: slowMs } })) },
      script,
    }),
  );
  sim.runUntil(until);
  return sim;
}

describe('version-based reads', () => {
  it('without them, a client reading through a lagging replica misses its own write', () => {
    const sim = run([W(0, '1'), R(150, 'B')]);
    expect(sim.trace.ops[1]!.result).toEqual([]);
    expect(sim.trace.waits).toEqual([]);
  });

  it('with the client’s writes carried, a lagging replica holds its share of the read back, and one that has the write answers', () => {
    const sim = run([W(0, '1'), R(150, 'B')], { sessionReads: 'writes' });
    const read = sim.trace.ops[1]!;
    expect(read.outcome).toBe('ok');
    expect(read.result).toEqual(['1']);
    // B, coordinating, waits; C has the write and answers B's request: 200 ms instead of 100.
    expect(read.completedAt! - read.invokedAt).toBe(200);
    expect(sim.trace.waits).toEqual([{ node: 'B', kind: 'read', op: 1, key: 'x', from: 200, until: 1050, end: 'done' }]);
  });

  it('with every other replica lagging, the read waits for the write to arrive', () => {
    const sim = run([W(0, '1'), R(150, 'B')], { sessionReads: 'writes' }, [['A', 'B'], ['A', 'C']], 600);
    const read = sim.trace.ops[1]!;
    expect(read.result).toEqual(['1']);
    // B gets the write at 650 ms and answers at once: the read took 550 ms.
    expect(read.completedAt! - read.invokedAt).toBe(550);
  });

  it('another client’s read is not held back by this client’s writes', () => {
    const sim = run([W(0, '1'), R(150, 'B', 'x', 'c2')], { sessionReads: 'writes' });
    expect(sim.trace.ops[1]!.result).toEqual([]);
    expect(sim.trace.waits).toEqual([]);
  });

  it('costs availability: cut off from the write, the read waits out the timeout and fails, saying why', () => {
    const cut: Action[] = [{ at: 0, type: 'cut', from: 'A', to: 'B' }, { at: 0, type: 'cut', from: 'A', to: 'C' }];
    const sim = run([...cut, W(0, '1'), R(150, 'B')], { sessionReads: 'writes' }, []);
    const read = sim.trace.ops[1]!;
    expect(read.outcome).toBe('fail');
    expect(read.reason).toBe('only 0 of R=1 replicas had caught up with this client’s session in time');
    expect(sim.trace.waits.map((w) => [w.node, w.end])).toEqual([
      ['B', 'expired'],
      ['C', 'expired'],
    ]);
  });

  it('monotonic reads: with what the client read carried, a second read never goes back', () => {
    const script = [W(0, '1', 'A', 'x', 'c2'), R(150, 'A'), R(300, 'B')];
    expect(run(script).trace.ops[2]!.result).toEqual([]);
    const fixed = run(script, { sessionReads: 'reads' });
    expect(fixed.trace.ops[2]!.result).toEqual(['1']);
    // Carrying only the client's own writes does not fix it: c1 wrote nothing.
    expect(run(script, { sessionReads: 'writes' }).trace.ops[2]!.result).toEqual([]);
  });

  it('keeps the session’s tokens: what the client wrote and read', () => {
    const sim = run([W(0, '1'), R(150, 'A')], { sessionReads: 'both' });
    const s = sim.sessionOf('c1' as NodeId);
    expect([...s.wrote.keys()]).toEqual(['x']);
    expect([...s.read.keys()]).toEqual(['x']);
  });

  it('says what to import when a run needs the session code and it is not loaded', async () => {
    const hooks = await import('./sessionHooks.ts');
    const saved = hooks.sessions();
    hooks.installSessions(null as never);
    try {
      expect(() => run([], { sticky: true })).toThrow('import sim/sessions/install.ts');
    } finally {
      hooks.installSessions(saved);
    }
  });
});

describe('sticky sessions', () => {
  it('send every request to the replica the client first used, whatever replica the action names', () => {
    const sim = run([W(0, '1', 'A'), R(150, 'B')], { sticky: true });
    expect(sim.trace.ops.map((o) => o.coordinator)).toEqual(['A', 'A']);
    expect(sim.trace.ops[1]!.result).toEqual(['1']);
  });

  it('fail over to the next replica when theirs does not answer, and the guarantee breaks there', () => {
    const sim = run([W(0, '1', 'A'), { at: 120, type: 'crash', node: 'A' }, R(150, 'C')], { sticky: true });
    const read = sim.trace.ops[1]!;
    expect(read.coordinator).toBe('A');
    expect(sim.trace.events.filter((e) => e.type === 'failover')).toEqual([{ at: 1150, type: 'failover', client: 'c1', op: 1, from: 'A', to: 'B' }]);
    // B still lacks the write (its slow link from A delivers at 1050 ms: in time here), so the read after failover returns it.
    expect(read.outcome).toBe('ok');
    expect(read.completedAt).toBe(1250);
  });

  it('after failover, a replica that never got the write answers without it: read-your-writes broken at that moment', () => {
    // The copy for B is lost in a cut, and A crashes: failing over to B, the client misses its write.
    const sim = run([{ at: 0, type: 'cut', from: 'A', to: 'B' }, W(0, '1', 'A'), { at: 120, type: 'crash', node: 'A' }, R(150, 'A')], { sticky: true }, []);
    expect(sim.trace.events.some((e) => e.type === 'failover' && e.to === 'B')).toBe(true);
    expect(sim.trace.ops[1]!.result).toEqual([]);
  });
});

describe('keys with a home replica', () => {
  it('send every request for them to the home, whatever replica the action names, and other keys where named', () => {
    const sim = run([W(0, '1', 'C'), R(150, 'B'), W(200, '2', 'B', 'y'), R(300, 'C', 'x', 'c2')], { homeKeys: ['x'], home: 'A' });
    expect(sim.trace.ops.map((o) => o.coordinator)).toEqual(['A', 'A', 'B', 'A']);
    expect(sim.trace.ops[1]!.result).toEqual(['1']);
    expect(sim.trace.ops[3]!.result).toEqual(['1']);
  });

  it('do not fail over: while the home is down, its keys cannot be read', () => {
    const sim = run([W(0, '1'), { at: 100, type: 'crash', node: 'A' }, R(150, 'B')], { homeKeys: ['x'], home: 'A', sticky: true });
    expect(sim.trace.events.some((e) => e.type === 'failover')).toBe(false);
    expect(sim.trace.ops[1]!.outcome).toBe('timeout');
  });

  it('refuse a home that is not a replica of the run', () => {
    const scenario = makeScenario({ cluster: { replicas: 3, homeKeys: ['x'], home: 'E' } });
    const checked = validateScenario(JSON.parse(JSON.stringify(scenario)));
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.path).toBe('cluster.home');
  });
});

describe('synchronous keys', () => {
  it('acknowledge a write only once every replica holds it, and then any replica returns it', () => {
    // The link to B takes 600 ms: the write waits for B's acknowledgement, answering at 750 ms instead of 100.
    const sim = run([W(0, '1'), R(800, 'B', 'x', 'c2')], { syncKeys: ['x'] }, [['A', 'B']], 600);
    const write = sim.trace.ops[0]!;
    expect(write.completedAt).toBe(750);
    expect(write.quorum).toHaveLength(3);
    expect(sim.trace.ops[1]!.result).toEqual(['1']);
    // Another key keeps W = 1.
    expect(run([W(0, '1', 'A', 'y')], { syncKeys: ['x'] }, [['A', 'B']], 600).trace.ops[0]!.completedAt).toBe(100);
  });

  it('cost availability: a write with a replica cut off fails, saying why', () => {
    const sim = run([{ at: 0, type: 'cut', from: 'A', to: 'B' }, W(10, '1')], { syncKeys: ['x'] }, []);
    expect(sim.trace.ops[0]!.outcome).toBe('fail');
    expect(sim.trace.ops[0]!.reason).toBe('only 2 of the 3 replicas acknowledged in time (x is written synchronously)');
  });
});

describe('causal delivery', () => {
  // c1 posts x through A, then comments y through C. A's copy of the post crawls to B; C's copy of the comment does not.
  const story: Action[] = [W(0, 'hello', 'A', 'x'), W(150, 'first', 'C', 'y'), R(300, 'B', 'y', 'c2'), R(400, 'B', 'x', 'c2'), R(1200, 'B', 'y', 'c2')];

  it('without it, a reader at B sees the comment without the post', () => {
    const sim = run(story);
    expect(sim.trace.ops.slice(2).map((o) => o.result)).toEqual([['first'], [], ['first']]);
  });

  for (const mode of ['deps', 'vector'] as const) {
    it(`with ${mode === 'deps' ? 'explicit dependencies' : 'a version vector'}, B holds the comment back until the post has arrived`, () => {
      const sim = run(story, { causalDelivery: mode });
      expect(sim.trace.ops.slice(2).map((o) => o.result)).toEqual([[], [], ['first']]);
      const held = sim.trace.waits.filter((w) => w.kind === 'update');
      expect(held).toEqual([{ node: 'B', kind: 'update', op: 1, key: 'y', from: 250, until: 1050, end: 'done' }]);
      // The comment is acknowledged by C at once (W = 1): holding back costs readers visibility, not the writer time.
      expect(sim.trace.ops[1]!.completedAt).toBe(250);
    });
  }

  it('by vector, an update can wait for a write it does not depend on (a false dependency); by dependencies it does not', () => {
    // c1 writes x through A (slow to B), then reads an unrelated key z through A: its vector now counts A's write. Its write of y through C then waits at B.
    const script: Action[] = [W(0, '1', 'A', 'x', 'c3'), R(150, 'A', 'z'), W(300, '1', 'C', 'y'), R(450, 'B', 'y', 'c2')];
    expect(run(script, { causalDelivery: 'vector' }).trace.ops[3]!.result).toEqual([]);
    expect(run(script, { causalDelivery: 'deps' }).trace.ops[3]!.result).toEqual(['1']);
  });

  it('by vector, a coordinator takes a write only once it has the writer’s past, so another user’s write through it is not held up', () => {
    // alice writes x through A (slow to B), then y through B, which lacks x: B waits to take y. Bob's z through B goes ahead.
    const script: Action[] = [W(0, '1', 'A', 'x'), W(150, '1', 'B', 'y'), W(200, '1', 'B', 'z', 'c2')];
    const sim = run(script, { causalDelivery: 'vector' });
    const [, y, z] = sim.trace.ops;
    expect(z!.completedAt! - z!.invokedAt).toBe(100);
    // y is taken once x has reached B (1050 ms), and answered then.
    expect(y!.completedAt).toBe(1100);
    expect(sim.trace.waits.filter((w) => w.kind === 'update').map((w) => [w.node, w.op, w.from, w.until])).toEqual([['B', 1, 200, 1050]]);
  });

  it('is refused where data could move around it, and where a replica does not hold every key', () => {
    const refused = (cluster: object) => validateScenario(makeScenario({ cluster: { replicas: 3, n: 3, antiEntropyMs: 0, causalDelivery: 'deps', ...cluster } }));
    expect(refused({})).toMatchObject({ ok: true });
    expect(refused({ antiEntropyMs: 1000 })).toMatchObject({ ok: false, path: 'cluster.causalDelivery' });
    expect(refused({ readRepair: true })).toMatchObject({ ok: false, path: 'cluster.causalDelivery' });
    expect(refused({ replicas: 5, n: 3 })).toMatchObject({ ok: false, error: expect.stringContaining('every replica to hold every key') });
  });
});
