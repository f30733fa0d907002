import { describe, expect, it } from 'vitest';
import * as codec from '../embed/urlCodec.ts';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { createLabStore } from '../store/labStore.ts';
import { memoryAddress, syncAddress } from './addressSync.ts';

describe('the address kept equal to the run', () => {
  it('writes the run when the script changes, and leaves out one too long for a link, saying so once', () => {
    const store = createLabStore(makeScenario({}));
    const address = memoryAddress('https://lab.test/?lab=playground');
    const stop = syncAddress(store, 'playground', address, codec);
    store.getState().act({ type: 'crash', node: 'B' });
    const written = new URL(address.read()).searchParams.get('run')!;
    expect(codec.decodeRun(written)).toMatchObject({ ok: true });

    const long: Action[] = Array.from({ length: 6000 }, (_, i) => ({ at: i * 10, type: 'write', client: 'c1', coordinator: 'A', key: `key${i % 900}`, value: `v${i}-${'x'.repeat(10)}` }));
    store.getState().load(makeScenario({ script: long }), 0);
    expect(new URL(address.read()).searchParams.has('run')).toBe(false);
    expect(new URL(address.read()).searchParams.get('lab')).toBe('playground');
    expect(store.getState().notice?.text).toMatch(/^This run is too long to keep in the page’s address \([\d,]+ characters, over 100,000\): use Save run as JSON to keep or share it\./);
    store.getState().setNotice(null);
    // Acting after the last action (no fork): the run is still too long, and it is not said again.
    store.getState().setTime(60_000);
    store.getState().act({ type: 'crash', node: 'C' });
    expect(new URL(address.read()).searchParams.has('run')).toBe(false);
    expect(store.getState().notice).toBeNull();
    stop();
  });

  it('written later, writes the address once for the changes made before it runs, and not after it is stopped', () => {
    const store = createLabStore(makeScenario({}));
    const address = memoryAddress('https://lab.test/?lab=playground');
    const queued: (() => void)[] = [];
    const stop = syncAddress(store, 'playground', address, codec, (write) => queued.push(write));
    store.getState().act({ type: 'crash', node: 'B' });
    store.getState().act({ type: 'recover', node: 'B' });
    // Nothing written yet, and one write waiting for both changes.
    expect(new URL(address.read()).searchParams.has('run')).toBe(false);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    const run = codec.decodeRun(new URL(address.read()).searchParams.get('run')!);
    expect(run.ok && run.scenario.script.map((a) => a.type)).toEqual(['crash', 'recover']);
    store.getState().act({ type: 'crash', node: 'C' });
    stop();
    queued.shift()!();
    const after = codec.decodeRun(new URL(address.read()).searchParams.get('run')!);
    expect(after.ok && after.scenario.script).toHaveLength(2);
  });

  it('after Stop on a run being simulated, the address holds the run still shown', () => {
    let step: (() => boolean) | null = null;
    const store = createLabStore(makeScenario({}), 0, { slices: (s) => ((step = s), () => (step = null)) });
    const address = memoryAddress('https://lab.test/?lab=playground&run=stale');
    const stop = syncAddress(store, 'playground', address, codec);
    const long: Action[] = Array.from({ length: 6000 }, (_, i) => ({ at: i * 10, type: 'write', client: 'c1', coordinator: 'A', key: `k${i % 9}`, value: String(i) }));
    store.getState().load(makeScenario({ script: long }), 55_000);
    expect(step).not.toBeNull();
    store.getState().cancelPending();
    const run = codec.decodeRun(new URL(address.read()).searchParams.get('run')!);
    expect(run.ok && run.scenario.script).toEqual([]);
    stop();
  });
});
