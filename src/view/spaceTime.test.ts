import { timeScale } from './timeScale.ts';
import { describe, expect, it } from 'vitest';
import { nodeId, type NodeId, type OpId } from '../sim/ids.ts';
import { makeScenario, type Action, type ClusterConfig, type NetworkConfig } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import type { Trace } from '../sim/trace.ts';
import { DROP_REACH_MAX, spaceTime, summarizeSpaceTime, type SpaceTimeGeometry } from './spaceTime.ts';
import { formatSeconds, spaceTimeLayout, spaceTimeWindow, timeTicks } from './spaceTimeAxis.ts';
import { markedFocus, spaceTimeFocus } from './spaceTimeFocus.ts';
import { staleChecker } from '../check/staleReads.ts';

const [A, B, C, c1] = ['A', 'B', 'C', 'c1'].map(nodeId) as [NodeId, NodeId, NodeId, NodeId];
const LANES = [A, B, C, c1];
// 4 lanes over 400 px with half a step of padding: A at 50, B 150, C 250, c1 350.
const Y = { A: 50, B: 150, C: 250, c1: 350 };
const write = (at: number, value: string, coordinator = 'A'): Action => ({ at, type: 'write', client: 'c1', coordinator, key: 'x', value });

/** A run with every message taking exactly 100 ms, so positions can be named. */
function run(script: Action[], until: number, cluster: Partial<ClusterConfig> = {}, network: Partial<NetworkConfig> = {}): Trace {
  const sim = new Simulation(
    makeScenario({ seed: 7, cluster: { clients: ['c1'], antiEntropyMs: 0, ...cluster }, network: { latency: { kind: 'constant', ms: 100 }, ...network }, script }),
  );
  sim.runUntil(until);
  return sim.trace;
}

/** Plot from x=100 to x=1000 for [t0, t0 + 900]: x = 100 + (t − t0). */
function draw(trace: Trace, time: number, t0 = 0, nodes: readonly NodeId[] = LANES): SpaceTimeGeometry {
  return spaceTime({ trace, nodes, t0, t1: t0 + 900, time, width: 1000, height: 400, margin: { top: 0, right: 0, bottom: 0, left: 100 } });
}

const named = (g: SpaceTimeGeometry) => g.messages.map((m) => `${m.kind} ${m.from}→${m.to}`);

// c1→A at 0; A replicates to B and C at 100; acks at 200; A answers c1 at 300; c1 has it at 400.
const oneWrite = () => run([write(0, '1')], 5000);

describe('spaceTime: lanes, messages and the playhead', () => {
  it('draws each message from its send on the sender’s lane to its arrival on the receiver’s', () => {
    const g = draw(oneWrite(), 900);
    expect(g.lanes).toEqual([
      { node: A, y: Y.A },
      { node: B, y: Y.B },
      { node: C, y: Y.C },
      { node: c1, y: Y.c1 },
    ]);
    const first = g.messages[0]!;
    expect(first).toMatchObject({ kind: 'client-write', from: c1, to: A, x1: 100, y1: Y.c1, x2: 200, y2: Y.A, fate: 'delivered', dropped: false, op: 0 });
    expect(g.messages.find((m) => m.kind === 'replicate' && m.to === C)).toMatchObject({ x1: 200, y1: Y.A, x2: 300, y2: Y.C });
    expect(g.messages.at(-1)).toMatchObject({ kind: 'write-reply', from: A, to: c1, x1: 400, x2: 500 });
    expect(g.playheadX).toBe(1000);
  });

  it('draws nothing that happens after the playhead, and a message in the air only as far as it got', () => {
    const g = draw(oneWrite(), 150);
    expect(named(g)).toEqual(['client-write c1→A', 'replicate A→B', 'replicate A→C']);
    const toC = g.messages[2]!;
    // Halfway through its flight at 150: halfway down from A to C, fate not yet told.
    expect(toC).toMatchObject({ x1: 200, x2: 250, y2: (Y.A + Y.C) / 2, fate: 'in-flight', dropped: false });
    expect(toC.description).toBe('repl x from A to C (in flight)');
    expect(g.playheadX).toBe(250);
  });

  it('culls messages that ended before the window or were sent after it', () => {
    const trace = oneWrite();
    const late = draw(trace, 1200, 250);
    // The request (0–100) and the replication (100–200) ended before 250.
    expect(named(late)).toEqual(['replicate-ack B→A', 'replicate-ack C→A', 'write-reply A→c1']);
    expect(late.playheadX).toBeNull();
    const early = spaceTime({ trace, nodes: LANES, t0: -500, t1: 150, time: 900, width: 1000, height: 400, margin: { top: 0, right: 0, bottom: 0, left: 100 } });
    expect(named(early)).toEqual(['client-write c1→A', 'replicate A→B', 'replicate A→C']);
  });

  it('leaves out messages and operations of nodes without a lane', () => {
    const g = draw(oneWrite(), 900, 0, [A, B, C]);
    expect(g.messages.every((m) => m.from !== c1 && m.to !== c1)).toBe(true);
    expect(g.messages).toHaveLength(4);
    expect(g.ops).toEqual([]);
  });

  it('keeps a long run’s output to the window', () => {
    const script = Array.from({ length: 40 }, (_, i) => write(i * 1500, String(i), ['A', 'B', 'C'][i % 3]!));
    const trace = run(script, 60_000, { antiEntropyMs: 500 });
    expect(trace.messages.length).toBeGreaterThan(500);
    const g = draw(trace, 30_500, 30_000);
    expect(g.messages.length).toBeGreaterThan(0);
    expect(g.messages.length).toBeLessThan(60);
    for (const m of g.messages) {
      expect(Math.max(m.x1, m.x2)).toBeGreaterThanOrEqual(100);
      expect(Math.min(m.x1, m.x2)).toBeLessThanOrEqual(1000);
    }
    expect(JSON.stringify(draw(trace, 30_500, 30_000))).toBe(JSON.stringify(g));
  });
});

describe('spaceTime: dropped messages', () => {
  it('ends a message cut in flight where it was when the link was cut', () => {
    const trace = run([write(0, '1'), { at: 150, type: 'cut', from: 'A', to: 'C', oneWay: true }], 5000);
    const before = draw(trace, 140).messages.find((m) => m.kind === 'replicate' && m.to === C)!;
    expect(before).toMatchObject({ fate: 'in-flight', dropped: false });
    const after = draw(trace, 900).messages.find((m) => m.kind === 'replicate' && m.to === C)!;
    expect(after).toMatchObject({ fate: 'cut', dropped: true, x1: 200, x2: 250, y2: (Y.A + Y.C) / 2 });
  });

  it('draws a message sent on a cut link as a drop at the sender', () => {
    const trace = run([{ at: 0, type: 'cut', from: 'A', to: 'B' }, write(0, '1')], 5000);
    const toB = draw(trace, 900).messages.find((m) => m.kind === 'replicate' && m.to === B)!;
    expect(toB).toMatchObject({ fate: 'cut', dropped: true, x1: 200, x2: 200, y1: Y.A, y2: Y.A });
  });

  it('ends a lost message halfway, where the simulator says it vanished, short of the receiver’s lane', () => {
    const trace = run([write(0, '1')], 5000, {}, { links: [{ from: 'A', to: 'B', loss: 1 }] });
    const toB = draw(trace, 900).messages.find((m) => m.kind === 'replicate' && m.to === B)!;
    expect(toB).toMatchObject({ fate: 'lost', dropped: true, x2: 250, y2: Y.A + (Y.B - Y.A) * 0.5 });
    expect(DROP_REACH_MAX).toBeGreaterThan(0.5);
    expect(toB.description).toBe('repl x from A to B (lost by the network)');
    // Until it vanishes the learner cannot tell it is lost.
    expect(draw(trace, 140).messages.find((m) => m.id === toB.id)).toMatchObject({ fate: 'in-flight', dropped: false });
  });

  it('takes a message to a down receiver all the way to its lane, marked dropped', () => {
    const trace = run([{ at: 50, type: 'crash', node: 'C' }, write(0, '1')], 5000);
    const toC = draw(trace, 900).messages.find((m) => m.kind === 'replicate' && m.to === C)!;
    expect(toC).toMatchObject({ fate: 'crash', dropped: true, x2: 300, y2: Y.C });
  });
});

describe('spaceTime: operations', () => {
  it('draws an operation as a bar on its client’s lane, with its outcome as of the playhead', () => {
    const trace = oneWrite();
    expect(draw(trace, 900).ops).toEqual([
      expect.objectContaining({ id: 0, client: c1, x0: 100, x1: 500, y: Y.c1, outcome: 'ok', open: false, label: 'write x=1 ✓' }),
    ]);
    // At 300 the client has no answer yet: the bar runs on to the window's end.
    expect(draw(trace, 300).ops[0]).toMatchObject({ x0: 100, x1: 1000, outcome: 'pending', open: true, label: 'write x=1 …' });
    // Not yet invoked, or finished before the window: not drawn.
    expect(draw(trace, 900, 450).ops).toEqual([]);
    expect(draw(run([write(500, '1')], 5000), 400).ops).toEqual([]);
  });

  it('gives each bar’s label the room up to the next bar on its lane', () => {
    const trace = run([write(0, '1'), write(50, '2', 'B'), { at: 100, type: 'read', client: 'c1', coordinator: 'C', key: 'x' }], 5000);
    const [a, b, c] = draw(trace, 900).ops;
    expect([a!.labelX, b!.labelX, c!.labelX]).toEqual([102, 150, 200]);
    expect([a!.labelRoom, b!.labelRoom, c!.labelRoom]).toEqual([48, 50, 800]);
  });

  it('labels failures and timeouts in text, not just colour', () => {
    const failed = run([{ at: 0, type: 'partition', groups: [['A', 'c1'], ['B', 'C']] }, write(10, '1')], 5000);
    const fail = draw(failed, 1500, 600).ops[0]!;
    expect(fail).toMatchObject({ outcome: 'fail', label: 'write x=1 ✗' });
    expect(fail.description).toMatch(/failed: only 1 of W=2/);
    const timedOut = run([{ at: 0, type: 'crash', node: 'A' }, write(10, '1')], 5000);
    expect(draw(timedOut, 2500, 1500).ops[0]).toMatchObject({ outcome: 'timeout', label: 'write x=1 ?', x1: 100 + 2010 - 1500 });
  });

  it('marks a stale read as stale, not with a tick', () => {
    // W = R = 1 and A cut off from B and C: the write lands on A alone; the read asks B.
    const script: Action[] = [{ at: 0, type: 'partition', groups: [['A'], ['B', 'C']] }, write(10, 'new'), { at: 400, type: 'read', client: 'c1', coordinator: 'B', key: 'x' }];
    const sim = new Simulation(makeScenario({ seed: 7, cluster: { clients: ['c1'], antiEntropyMs: 0, w: 1, r: 1 }, network: { latency: { kind: 'constant', ms: 100 } }, script }));
    sim.runUntil(5000);
    const isStale = staleChecker(sim.trace.ops, sim.strategy);
    const g = spaceTime({ trace: sim.trace, nodes: LANES, t0: 0, t1: 900, time: 900, width: 1000, height: 400, margin: { top: 0, right: 0, bottom: 0, left: 100 }, isStale });
    const read = g.ops.find((o) => o.kind === 'read')!;
    expect(read).toMatchObject({ outcome: 'ok', stale: true, label: 'read x stale!' });
    expect(read.description).toMatch(/stale: it missed an acknowledged write$/);
    expect(g.ops.find((o) => o.kind === 'write')).toMatchObject({ stale: false, label: 'write x=new ✓' });
  });

  it('tells what a read returned', () => {
    const trace = run([write(0, '1'), { at: 500, type: 'read', client: 'c1', coordinator: 'B', key: 'x' }], 5000);
    const read = draw(trace, 1400, 500).ops.find((o) => o.kind === 'read')!;
    expect(read).toMatchObject({ label: 'read x ✓', x0: 100 });
    expect(read.description).toBe('c1 read x via B: ok, read 1');
  });
});

describe('spaceTime: faults', () => {
  const faulty: Action[] = [
    { at: 100, type: 'cut', from: 'A', to: 'B' },
    { at: 200, type: 'cut', from: 'B', to: 'C', oneWay: true },
    { at: 300, type: 'crash', node: 'C' },
    { at: 600, type: 'recover', node: 'C' },
    { at: 700, type: 'heal-all' },
    { at: 2000, type: 'crash', node: 'B' },
  ];

  it('marks cuts, heals, crashes and recoveries on the lanes concerned', () => {
    const g = draw(run(faulty, 5000), 900);
    expect(g.faults.map((f) => `${f.at} ${f.word} ${f.node}: ${f.description}`)).toEqual([
      '100 cut A: link cut: A↔B',
      '100 cut B: link cut: A↔B',
      '200 cut B: link cut: B→C',
      '200 cut C: link cut: B→C',
      '300 crash C: C crashed',
      '600 up C: C recovered',
      '700 heal A: link healed: A↔B',
      '700 heal B: links healed: A↔B, B→C',
      '700 heal C: link healed: B→C',
    ]);
    expect(g.faults[4]).toMatchObject({ x: 400, y: Y.C });
    expect(g.down).toEqual([{ node: C, x0: 400, x1: 700, y: Y.C }]);
  });

  it('culls faults outside the window or after the playhead, and keeps a crash down to the playhead', () => {
    const trace = run(faulty, 5000);
    const later = draw(trace, 2200, 1500);
    expect(later.faults.map((f) => f.description)).toEqual(['B crashed']);
    expect(later.down).toEqual([{ node: B, x0: 100 + 500, x1: 100 + 700, y: Y.B }]);
    expect(draw(trace, 250).faults.map((f) => f.at)).toEqual([100, 100, 200, 200]);
  });
});

describe('spaceTime: axis, layout, summary and focus', () => {
  it('labels the time axis in seconds, with no ticks before the run began', () => {
    const ticks = timeTicks(timeScale([-500, 1500], [0, 400]), 4);
    expect(ticks.map((t) => t.label)).toEqual(['0.0 s', '0.5 s', '1.0 s', '1.5 s']);
    expect(ticks[1]!.x).toBe(200);
    expect(formatSeconds(12_000, 0)).toBe('12 s');
    expect(draw(oneWrite(), 900).ticks.length).toBeGreaterThan(3);
  });

  it('scrolls the window with the playhead and sizes text for phones and projectors', () => {
    expect(spaceTimeWindow(2000, 2000)).toEqual({ t0: 500, t1: 2500 });
    expect(spaceTimeLayout(360, LANES).fontSize).toBe(12);
    expect(spaceTimeLayout(1920, LANES).fontSize).toBe(20);
    // A projector page (root font 18 px) keeps a 1070 px-wide diagram at 14 px, not 13.
    expect(spaceTimeLayout(1070, LANES, 18).fontSize).toBe(14);
    const wide = spaceTimeLayout(800, [A, nodeId('laptop')]);
    expect(wide.margin.left).toBeGreaterThan(spaceTimeLayout(800, [A, B]).margin.left);
    expect(wide.height).toBeGreaterThan(wide.margin.top + wide.margin.bottom);
  });

  it('summarises the window in one sentence', () => {
    const trace = run([write(0, '1'), { at: 150, type: 'cut', from: 'A', to: 'C', oneWay: true }], 5000);
    expect(summarizeSpaceTime(draw(trace, 900), 'Space-time diagram')).toBe('Space-time diagram from 0.0 s to 0.9 s: 5 messages (1 dropped), 1 operation, 1 fault');
  });

  it('lights up what a highlight concerns', () => {
    const g = draw(run([write(0, '1'), { at: 500, type: 'write', client: 'c1', coordinator: 'B', key: 'y', value: '2' }], 5000), 900);
    const replicate = g.messages.find((m) => m.kind === 'replicate' && m.to === C)!;
    expect(spaceTimeFocus(null, g)).toBeNull();
    const byMessage = spaceTimeFocus({ kind: 'message', id: replicate.id }, g)!;
    expect([...byMessage.messages]).toEqual([replicate.id]);
    expect([...byMessage.ops]).toEqual([0]);
    expect([...byMessage.nodes]).toEqual([A, C]);
    const byOp = spaceTimeFocus({ kind: 'op', id: g.ops[1]!.id }, g)!;
    expect(byOp.messages.size).toBeGreaterThan(0);
    for (const m of g.messages) expect(byOp.messages.has(m.id)).toBe(m.op === 1);
    const byNode = spaceTimeFocus({ kind: 'node', id: C }, g)!;
    for (const m of g.messages) expect(byNode.messages.has(m.id)).toBe(m.from === C || m.to === C);
    expect([...byNode.ops]).toEqual([]);
  });

  it('lights up marked operations (a witness) with their messages and their clients, and nothing when none is in the window', () => {
    const g = draw(run([write(0, '1'), { at: 500, type: 'write', client: 'c1', coordinator: 'B', key: 'y', value: '2' }], 5000), 900);
    const marked = markedFocus(new Set([1 as OpId]), g)!;
    expect([...marked.ops]).toEqual([1]);
    expect(marked.messages.size).toBeGreaterThan(0);
    for (const m of g.messages) expect(marked.messages.has(m.id)).toBe(m.op === 1);
    expect([...marked.nodes]).toEqual([g.ops[1]!.client]);
    expect(markedFocus(new Set([7 as OpId]), g)).toBeNull();
  });

  it('dims nothing for a highlight the window does not show', () => {
    const trace = oneWrite();
    const late = draw(trace, 1200, 250);
    expect(spaceTimeFocus({ kind: 'message', id: draw(trace, 900).messages[0]!.id }, late)).toBeNull();
    expect(spaceTimeFocus({ kind: 'op', id: 0 as OpId }, draw(trace, 1500, 600))).toBeNull();
    expect(spaceTimeFocus({ kind: 'node', id: nodeId('Z') }, late)).toBeNull();
  });
});
