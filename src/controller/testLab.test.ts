import { afterEach, describe, expect, it } from 'vitest';
import { runFromSearch } from '../embed/urlCodec.ts';
import { makeScenario } from '../sim/scenario.ts';
import { createTestLab, type TestLab } from './testLab.ts';

let lab: TestLab;
afterEach(() => lab.dispose());

describe('a lab without React', () => {
  it('narrates a write that reaches two replicas while a third is cut off, and the agreement once healed', () => {
    lab = createTestLab(makeScenario({ cluster: { w: 1, r: 1, antiEntropyMs: 500 }, network: { latency: { kind: 'constant', ms: 50 } } }));
    lab.act({ type: 'partition', groups: [['A', 'B', 'c1', 'c2'], ['C']] });
    lab.act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
    lab.playTo(1000);
    // Two actions at one playhead: each told once, although the second forked the run there.
    expect(lab.said()).toEqual(['Links cut: A↔C, B↔C, C↔c1, C↔c2', 'c1 writes x=1 through A', 'Write x=1 acknowledged by A', 'Replicas disagree on x']);
    lab.act({ type: 'heal-all' });
    lab.playTo(4000);
    expect(lab.said().slice(-2)).toEqual(['Links healed: A↔C, B↔C, C↔c1, C↔c2', 'All replicas now agree']);
  });

  it('says a stale read is stale, and a write a fast clock beat is lost, once', () => {
    lab = createTestLab(makeScenario({ cluster: { w: 1, r: 1, antiEntropyMs: 0, skew: { A: 2000 } }, network: { latency: { kind: 'constant', ms: 50 } } }));
    lab.act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'first' });
    lab.playTo(500);
    lab.act({ type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'second' });
    lab.playTo(1000);
    const lost = lab.said().filter((l) => l.includes('is lost'));
    expect(lost).toEqual([expect.stringMatching(/^The write x = second, acknowledged at 0\.60 s, is lost: the write x = first/)]);
    expect(lab.said()).toContain('Write x=second acknowledged by B — lost: no replica will keep it');
    // Forking the run again does not tell it twice.
    lab.act({ type: 'read', client: 'c1', coordinator: 'C', key: 'x' });
    lab.playTo(1500);
    expect(lab.said().filter((l) => l.includes('is lost'))).toHaveLength(1);
    expect(lab.model().lost).toHaveLength(1);
  });

  it('keeps the address equal to the run: reading the address back replays the same script', () => {
    lab = createTestLab();
    lab.act({ type: 'crash', node: 'B' });
    lab.playTo(300);
    lab.act({ type: 'recover', node: 'B' });
    const search = new URL(lab.address.read()).search;
    const { run, error } = runFromSearch(search);
    expect(error).toBeNull();
    expect(run?.scenario.script).toEqual(lab.store.getState().run.scenario.script);
    // The playhead moving does not rewrite the address; only a change to the script does.
    const writes = lab.address.history.length;
    lab.playTo(900);
    expect(lab.address.history).toHaveLength(writes);
  });

  it('stops following the store when stopped, and can start again (as React’s strict mode does)', () => {
    lab = createTestLab();
    lab.controller.stop();
    lab.act({ type: 'crash', node: 'A' });
    expect(lab.said()).toEqual([]);
    lab.controller.start();
    lab.seek(100);
    lab.act({ type: 'crash', node: 'B' });
    expect(lab.said()).toEqual(['B crashed']);
  });
});
