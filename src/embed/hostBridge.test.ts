import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackEvent } from '../machines/playbackClock.ts';
import type { PlaybackHandle } from '../components/playbackHandle.ts';
import { declareScenes, mountRun } from '../controller/stage.ts';
import { createLabStore } from '../store/labStore.ts';
import { memoryAddress } from './address.ts';
import { startHostBridge, type BridgeOptions } from './hostBridge.ts';
import { tellLearning } from './learning.ts';

type Listener = (event: MessageEvent) => void;

/** A frame's window and its parent, as far as the bridge uses them: messages in, messages out. */
function frame(options: Partial<BridgeOptions> = {}) {
  const posted: { data: Record<string, unknown>; target: string }[] = [];
  const parent = { postMessage: (data: Record<string, unknown>, target: string) => void posted.push({ data, target }) } as unknown as Window;
  const stranger = {} as Window;
  let listener: Listener | null = null;
  const self = { addEventListener: (_: string, l: Listener) => void (listener = l), removeEventListener: () => void (listener = null), location: {} } as unknown as Window;
  const address = memoryAddress('https://lab.test/ec/?lab=quorum&embed=1&run=1.abc');
  let addressChanged = () => undefined as void;
  const navigated: string[] = [];
  const bridge = startHostBridge({
    parent,
    self,
    origins: null,
    parentOrigin: 'https://docs.test',
    content: null,
    knownLab: (id) => ['quorum', 'playground'].includes(id),
    navigate: (href) => void navigated.push(href),
    address,
    onAddress: (l) => {
      addressChanged = l;
      return () => undefined;
    },
    ...options,
  });
  const send = (data: unknown, from: Window = parent, origin = 'https://docs.test') => listener?.({ data, source: from, origin } as MessageEvent);
  return { bridge, posted, send, stranger, navigated, address, changeAddress: (href: string) => (address.replace(href), addressChanged()), listening: () => listener !== null };
}

function fakeRun() {
  const sent: PlaybackEvent[] = [];
  const playback = { send: (e: PlaybackEvent) => void sent.push(e) } as unknown as PlaybackHandle;
  return { sent, off: mountRun({ labId: 'quorum', playback, store: createLabStore(), runInAddress: true }) };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

describe('the host API', () => {
  it('carries out the parent’s commands on the lab in view, and says each is done', () => {
    const run = fakeRun();
    cleanup.push(run.off);
    const f = frame();
    f.send({ type: 'ec-lab:play', version: 1, id: 1 });
    f.send({ type: 'ec-lab:seek', version: 1, time: 2500 });
    f.send({ type: 'ec-lab:step', version: 1 });
    f.send({ type: 'ec-lab:pause', version: 1 });
    f.send({ type: 'ec-lab:reset', version: 1 });
    expect(run.sent).toEqual([{ type: 'playback.play' }, { type: 'playback.seek', time: 2500 }, { type: 'playback.step' }, { type: 'playback.pause' }, { type: 'playback.reset' }]);
    expect(f.posted[0]).toEqual({ data: { type: 'ec-lab:done', version: 1, command: 'ec-lab:play', id: 1 }, target: 'https://docs.test' });
    expect(f.posted.every((p) => p.data.type === 'ec-lab:done')).toBe(true);
  });

  it('ignores every window but the parent, and parents from origins host= does not list', () => {
    const run = fakeRun();
    cleanup.push(run.off);
    const f = frame({ origins: ['https://docs.test'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    f.send({ type: 'ec-lab:play', version: 1 }, f.stranger);
    f.send({ type: 'ec-lab:play', version: 1 }, undefined, 'https://evil.test');
    f.send({ type: 'ec-lab:pause', version: 1 }, undefined, 'https://evil.test');
    // Said once in the console, for the author setting up host=; never to the page that sent it.
    expect(warn.mock.calls).toEqual([["Eventual Consistency Lab: messages from https://evil.test are ignored: it is not in this frame's host= (https://docs.test)."]]);
    warn.mockRestore();
    f.send('garbage', f.stranger);
    expect(run.sent).toEqual([]);
    expect(f.posted).toEqual([]);
    f.send({ type: 'ec-lab:play', version: 1 });
    expect(run.sent).toEqual([{ type: 'playback.play' }]);
  });

  it('answers a bad message from the parent with an error event, and carries on', () => {
    const run = fakeRun();
    cleanup.push(run.off);
    const f = frame();
    f.send({ type: 'ec-lab:seek', version: 1, time: 'soon', id: 'x' });
    f.send(null);
    expect(f.posted.map((p) => p.data)).toEqual([
      { type: 'ec-lab:error', version: 1, id: 'x', error: expect.stringMatching(/needs "time"/) },
      { type: 'ec-lab:error', version: 1, error: expect.stringMatching(/this message is null/) },
    ]);
    f.send({ type: 'ec-lab:play', version: 1 });
    expect(run.sent).toEqual([{ type: 'playback.play' }]);
  });

  it('says there is no run to play on a page without one, and loads presets by id', () => {
    const f = frame();
    f.send({ type: 'ec-lab:play', version: 1 });
    expect(f.posted.at(-1)?.data).toMatchObject({ type: 'ec-lab:error', error: 'This page has no run to play.' });
    const shown: string[] = [];
    const off = declareScenes({ kind: 'demos', current: () => -1, scenes: ['a', 'b'].map((id) => ({ id, title: id.toUpperCase(), show: () => void shown.push(id) })) });
    cleanup.push(off);
    f.send({ type: 'ec-lab:load', version: 1, preset: 'b' });
    f.send({ type: 'ec-lab:load', version: 1, preset: 'c' });
    expect(shown).toEqual(['b']);
    expect(f.posted.at(-1)?.data).toMatchObject({ type: 'ec-lab:error', error: 'This lab has no preset “c”; its demos are a, b.' });
  });

  it('loads a link to another lab in place, keeping the page’s own parameters, and refuses other sites', () => {
    const f = frame();
    f.send({ type: 'ec-lab:load', version: 1, link: 'https://lab.test/ec/?lab=playground&run=1.xyz&embed=0' });
    expect(f.navigated).toEqual(['https://lab.test/ec/?lab=playground&run=1.xyz&embed=1']);
    f.send({ type: 'ec-lab:load', version: 1, link: 'https://evil.test/ec/?lab=playground' });
    f.send({ type: 'ec-lab:load', version: 1, link: '?lab=nope' });
    expect(f.navigated).toHaveLength(1);
    expect(f.posted.slice(-2).map((p) => p.data.error)).toEqual(['That link is to another page (https://evil.test/ec/), not to this lab.', 'That link names a lab this page does not have: nope.']);
  });

  it('answers hello with ready again, for a host that listened late', () => {
    const f = frame();
    f.send({ type: 'ec-lab:hello', version: 1, id: 'h' });
    expect(f.posted.at(-1)?.data).toMatchObject({ type: 'ec-lab:error', id: 'h', error: 'The lab is still loading: its ready event will follow.' });
    f.bridge.ready('quorum');
    f.send({ type: 'ec-lab:hello', version: 1, id: 'h2' });
    expect(f.posted.slice(-2).map((p) => p.data.type)).toEqual(['ec-lab:ready', 'ec-lab:done']);
  });

  it('aims its events at the parent’s origin where the browser tells it, at * for a sandboxed parent, and at host=’s origins where it does not', () => {
    const targets = (options: Partial<BridgeOptions>) => {
      const f = frame(options);
      f.bridge.ready('quorum');
      return f.posted.map((p) => p.target);
    };
    expect(targets({})).toEqual(['https://docs.test']);
    // A sandboxed parent's origin is opaque: only "*" reaches it.
    expect(targets({ parentOrigin: 'null' })).toEqual(['*']);
    // Firefox does not tell the parent's origin: each listed origin, and the browser delivers to the one that matches.
    expect(targets({ parentOrigin: null, origins: ['https://a.test', 'https://b.test'] })).toEqual(['https://a.test', 'https://b.test']);
    // A parent host= does not list hears nothing, nor does an opaque one when host= lists origins.
    expect(targets({ parentOrigin: 'https://evil.test', origins: ['https://a.test'] })).toEqual([]);
    expect(targets({ parentOrigin: 'null', origins: ['https://a.test'] })).toEqual([]);
  });

  it('tells the host it is ready, of each new share link, and of what the learner did', () => {
    const run = fakeRun();
    cleanup.push(run.off);
    const f = frame();
    f.bridge.ready('quorum');
    expect(f.posted.at(-1)?.data).toEqual({ type: 'ec-lab:ready', version: 1, lab: 'quorum', commands: ['play', 'pause', 'step', 'reset', 'seek', 'load', 'hello'], presets: [], link: 'https://lab.test/ec/?lab=quorum&run=1.abc' });
    f.changeAddress('https://lab.test/ec/?lab=quorum&embed=1&run=1.def');
    expect(f.posted.at(-1)?.data).toEqual({ type: 'ec-lab:run-changed', version: 1, lab: 'quorum', link: 'https://lab.test/ec/?lab=quorum&run=1.def' });
    tellLearning({ kind: 'answered', item: 'q-stale', title: 'A stale read', right: false, score: 0.5 });
    expect(f.posted.at(-1)?.data).toMatchObject({
      type: 'ec-lab:statement',
      statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'https://lab.test/ec/?lab=quiz&q=q-stale' }, result: { success: false, score: { scaled: 0.5 } } },
    });
    f.bridge.stop();
    expect(f.listening()).toBe(false);
    tellLearning({ kind: 'answered', item: 'q-stale', title: 'A stale read', right: true, score: 1 });
    expect(f.posted.at(-1)?.data.type).toBe('ec-lab:statement');
    expect((f.posted.at(-1)?.data.statement as { result: { success: boolean } }).result.success).toBe(false);
  });
});
