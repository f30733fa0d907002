import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { manualTicker } from './manualTicker.ts';
import { makeScenario } from '../sim/scenario.ts';
import { createLabStore } from '../store/labStore.ts';
import { playbackMachine, VIRTUAL_MS_PER_REAL_MS } from './playbackMachine.ts';

function setup() {
  const store = createLabStore(makeScenario({ script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }));
  const ticker = manualTicker();
  const actor = createActor(playbackMachine.provide({ actors: { ticker: ticker.logic } }), { input: { store } }).start();
  return { store, ticker, actor };
}

describe('playbackMachine', () => {
  it('advances the store’s playhead only while playing, by speed × real time', () => {
    const { store, ticker, actor } = setup();
    expect(ticker.running()).toBe(false);
    actor.send({ type: 'playback.play' });
    expect(ticker.running()).toBe(true);
    ticker.tick(1000);
    expect(store.getState().time).toBeCloseTo(1000 * VIRTUAL_MS_PER_REAL_MS);
    actor.send({ type: 'playback.setSpeed', speed: 4 });
    ticker.tick(1000);
    expect(store.getState().time).toBeCloseTo(5000 * VIRTUAL_MS_PER_REAL_MS);
    actor.send({ type: 'playback.pause' });
    expect(ticker.running()).toBe(false);
  });

  it('refuses speeds outside the offered ones', () => {
    const { actor } = setup();
    actor.send({ type: 'playback.setSpeed', speed: 1000 });
    expect(actor.getSnapshot().context.speed).toBe(1);
  });

  it('steps to the next event and pauses', () => {
    const { store, actor } = setup();
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.step' });
    expect(actor.getSnapshot().value).toBe('paused');
    const t1 = store.getState().time;
    expect(t1).toBeGreaterThan(0);
    actor.send({ type: 'playback.step' });
    expect(store.getState().time).toBeGreaterThan(t1);
  });

  it('seeks, rewinds and resets', () => {
    const { store, actor } = setup();
    actor.send({ type: 'playback.seek', time: 2500 });
    expect(store.getState().time).toBe(2500);
    actor.send({ type: 'playback.rewind' });
    expect(store.getState().time).toBe(0);
    actor.send({ type: 'playback.reset' });
    expect(store.getState().run.scenario.script).toEqual([]);
  });

  it('offers step only when something is left to happen', () => {
    const { actor } = setup();
    expect(actor.getSnapshot().can({ type: 'playback.step' })).toBe(true);
  });
});
