import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FRAME_MS, manualTicker } from '../../../../machines/manualTicker.ts';
import { playbackMachine, VIRTUAL_MS_PER_REAL_MS } from '../../../../machines/playbackMachine.ts';
import { createGalleryClock, flightFraction, FLIGHT_MS, HELD_AT, type GalleryClock } from './galleryClock.ts';
import { GALLERY_KINDS, type GalleryKindId } from '../../model/gallery/galleryKinds.ts';
import { agreement, galleryReducer, initialGallery } from '../../model/gallery/galleryModel.ts';
import { createPauseMemory } from './pauseMemory.ts';


const reads = (clock: GalleryClock, t = clock.time()) => agreement(clock.at(t).state).reads.map((r) => r.value);
const readAt = (clock: GalleryClock, replica: 0 | 1 | 2, t = clock.time()) => reads(clock, t)[replica];

/** A gallery clock under the real playback machine, on a ticker the test turns by hand. */
function galleryLab(kind: GalleryKindId = 'g-counter') {
  const clock = createGalleryClock(kind);
  const ticker = manualTicker();
  const pauses = createPauseMemory();
  const playback = createActor(playbackMachine.provide({ actors: { ticker: ticker.logic } }), { input: { clock }, inspect: pauses.observe }).start();
  return {
    clock,
    playback,
    pauses,
    /** Real milliseconds pass, in frames; the machine hears them only while it plays. */
    wait(realMs: number) {
      ticker.wait(realMs);
    },
    /** Real ms of frames until `done`, or Infinity after ten seconds. */
    realMsUntil(done: () => boolean) {
      let elapsed = 0;
      while (!done()) {
        if (elapsed > 10_000) return Infinity;
        ticker.tick(FRAME_MS);
        elapsed += FRAME_MS;
      }
      return elapsed;
    },
  };
}

describe('the gallery clock', () => {
  it('at time t is the script replayed through the reducer: the actions stamped at or before t, no later ones', () => {
    const clock = createGalleryClock('g-counter');
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.setTime(100);
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.setTime(250);
    clock.act({ type: 'op', replica: 'B', op: { type: 'inc' } });
    expect(clock.script().map((s) => s.at)).toEqual([0, 100, 250]);
    expect(reads(clock, 0)).toEqual(['1', '0', '0']);
    expect(reads(clock, 99.9)).toEqual(['1', '0', '0']);
    expect(reads(clock, 100)).toEqual(['2', '0', '0']);
    expect(reads(clock, 1000)).toEqual(['2', '1', '0']);
    const byHand = [
      { type: 'op', replica: 'A', op: { type: 'inc' } },
      { type: 'op', replica: 'A', op: { type: 'inc' } },
      { type: 'op', replica: 'B', op: { type: 'inc' } },
    ] as const;
    const expected = byHand.reduce(galleryReducer, initialGallery('g-counter'));
    expect(clock.at(250).state.replicas).toEqual(expected.replicas);
    // Reading a moment is remembered: the same object until something happens.
    expect(clock.at(260)).toBe(clock.at(900));
    expect(clock.now()).toBe(clock.at(250));
  });

  it('stamps an action at the playhead rounded up to a tenth of a ms, and moves the playhead there', () => {
    const clock = createGalleryClock('g-set');
    clock.setTime(12.34);
    clock.act({ type: 'op', replica: 'C', op: { type: 'add', item: 'TV' } });
    expect(clock.script()[0]!.at).toBe(12.4);
    expect(clock.time()).toBe(12.4);
    expect(readAt(clock, 2)).toBe('{TV}');
  });

  it('a message lands exactly at send + FLIGHT_MS, not before, and that is the next event', () => {
    const clock = createGalleryClock('g-counter');
    clock.setTime(40);
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.act({ type: 'send', from: 'A', to: 'B' });
    const lands = 40 + FLIGHT_MS;
    expect(clock.nextEventAfter(40)).toBe(lands);
    expect(clock.at(lands - 0.1).state.inFlight).toHaveLength(1);
    expect(readAt(clock, 1, lands - 0.1)).toBe('0');
    expect(clock.at(lands).state.inFlight).toHaveLength(0);
    expect(readAt(clock, 1, lands)).toBe('1');
    expect(clock.at(lands).state.note).toBe('B merged A\'s state and now reads 1.');
    expect(clock.nextEventAfter(lands)).toBe(Infinity);
  });

  it('at 1× a message takes about 0.6 real seconds', () => {
    expect(FLIGHT_MS / VIRTUAL_MS_PER_REAL_MS).toBeCloseTo(600);
  });

  it('a dot is a fraction of its way along, from the clock\'s time', () => {
    const clock = createGalleryClock('g-counter');
    clock.act({ type: 'send', from: 'A', to: 'C' });
    const flight = clock.at(0).flights.get(1)!;
    expect(flightFraction(flight, 0, FLIGHT_MS)).toBe(0);
    expect(flightFraction(flight, FLIGHT_MS / 2, FLIGHT_MS)).toBeCloseTo(0.5);
    expect(flightFraction(flight, FLIGHT_MS * 3, FLIGHT_MS)).toBe(1);
  });

  it('sync-all sends six messages that land together, in order', () => {
    const clock = createGalleryClock('g-counter');
    clock.act({ type: 'op', replica: 'B', op: { type: 'inc' } });
    clock.act({ type: 'sync-all' });
    expect(clock.now().state.inFlight).toHaveLength(6);
    expect(clock.nextEventAfter(0)).toBe(FLIGHT_MS);
    expect(reads(clock, FLIGHT_MS)).toEqual(['1', '1', '1']);
    expect(clock.at(FLIGHT_MS).state.inFlight).toEqual([]);
  });

  it('with a flight of 0 (reduced motion) a message lands at once, before the next action at the same instant', () => {
    const clock = createGalleryClock('g-counter', { flight: 0 });
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.act({ type: 'send', from: 'A', to: 'B' });
    expect(readAt(clock, 1)).toBe('1');
    expect(clock.nextEventAfter(clock.time())).toBe(Infinity);
    clock.act({ type: 'send', from: 'B', to: 'C' });
    expect(readAt(clock, 2)).toBe('1');
    // Changing the flight replays the script with it: now B sent its state before A's reached it.
    clock.setFlight(FLIGHT_MS);
    expect(reads(clock)).toEqual(['1', '0', '0']);
    expect(reads(clock, FLIGHT_MS * 2)).toEqual(['1', '1', '0']);
  });

  it('acting in the past forks: later actions are dropped, those at or before the playhead kept', () => {
    const clock = createGalleryClock('g-counter');
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.setTime(100);
    clock.act({ type: 'op', replica: 'B', op: { type: 'inc' } });
    clock.setTime(200);
    clock.act({ type: 'op', replica: 'C', op: { type: 'inc' } });
    clock.setTime(100);
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    expect(clock.script().map((s) => [s.at, s.action.type === 'op' ? s.action.replica : '']))
      .toEqual([
        [0, 'A'],
        [100, 'B'],
        [100, 'A'],
      ]);
    expect(reads(clock, 1000)).toEqual(['2', '1', '0']);
  });

  it('a fork also drops a message\'s landing when it drops its send', () => {
    const clock = createGalleryClock('g-counter');
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.setTime(10);
    clock.act({ type: 'send', from: 'A', to: 'B' });
    clock.setTime(5);
    clock.act({ type: 'op', replica: 'C', op: { type: 'inc' } });
    expect(clock.nextEventAfter(5)).toBe(Infinity);
    expect(reads(clock, 1000)).toEqual(['1', '0', '1']);
  });

  it('a message sent while messages are held waits halfway for a deliver or a drop', () => {
    const clock = createGalleryClock('g-set');
    clock.act({ type: 'op', replica: 'A', op: { type: 'add', item: 'TV' } });
    clock.act({ type: 'hold', on: true });
    expect(clock.now().hold).toBe(true);
    clock.act({ type: 'send', from: 'A', to: 'C' });
    clock.act({ type: 'send', from: 'A', to: 'B' });
    expect(clock.nextEventAfter(0)).toBe(Infinity);
    const late = 10 * FLIGHT_MS;
    expect(clock.at(late).state.inFlight.map((m) => m.id)).toEqual([1, 2]);
    expect(flightFraction(clock.at(late).flights.get(1)!, late, FLIGHT_MS)).toBe(HELD_AT);
    clock.setTime(late);
    clock.act({ type: 'drop', id: 1 });
    expect(clock.now().state.note).toBe('The state A sent to C was lost on the way; C is unchanged.');
    clock.act({ type: 'deliver', id: 2 });
    expect(reads(clock)).toEqual(['{TV}', '{TV}', '{}']);
    expect(clock.now().state.inFlight).toEqual([]);
  });

  it('a message already on its way when hold is switched on still lands; held ones go on from halfway when hold is switched off', () => {
    const clock = createGalleryClock('g-counter');
    clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    clock.act({ type: 'send', from: 'A', to: 'B' });
    clock.setTime(10);
    clock.act({ type: 'hold', on: true });
    clock.act({ type: 'send', from: 'A', to: 'C' });
    expect(readAt(clock, 1, FLIGHT_MS)).toBe('1');
    expect(readAt(clock, 2, 5 * FLIGHT_MS)).toBe('0');
    clock.setTime(5 * FLIGHT_MS);
    clock.act({ type: 'hold', on: false });
    expect(clock.now().state.note).toBe('Messages travel on their own again: the held message goes on from where it waited.');
    const lands = 5 * FLIGHT_MS + FLIGHT_MS * (1 - HELD_AT);
    expect(clock.nextEventAfter(clock.time())).toBeCloseTo(lands);
    expect(flightFraction(clock.now().flights.get(2)!, clock.time(), FLIGHT_MS)).toBe(HELD_AT);
    expect(readAt(clock, 2, lands)).toBe('1');
  });

  it('an LWW write is stamped with its replica\'s clock at the playhead', () => {
    const clock = createGalleryClock('lww-register');
    clock.act({ type: 'set-clock', replica: 'A', offset: 10_000 });
    clock.act({ type: 'op', replica: 'A', op: { type: 'write', value: 'red' } });
    expect(clock.now().state.note).toBe("A wrote red, stamped 10 s by A's clock.");
    clock.setTime(500);
    clock.act({ type: 'op', replica: 'B', op: { type: 'write', value: 'blue' } });
    expect(clock.now().state.note).toBe("B wrote blue, stamped 0.5 s by B's clock.");
    clock.act({ type: 'send', from: 'A', to: 'B' });
    expect(clock.at(500 + FLIGHT_MS).state.note).toBe("B compared stamps: it keeps red (10 s by A's clock) and silently drops blue (0.5 s by B's clock).");
    expect(GALLERY_KINDS['lww-register'].read(clock.at(500 + FLIGHT_MS).state.replicas[1]!.state)).toBe('red');
  });

  it('reset empties the script and says so; listeners hear every change', () => {
    const clock = createGalleryClock('or-set');
    let heard = 0;
    const stop = clock.subscribe(() => heard++);
    clock.act({ type: 'op', replica: 'A', op: { type: 'add', item: 'TV' } });
    clock.setTime(30);
    clock.setTime(30); // no change, nothing to hear
    clock.reset();
    expect(heard).toBe(3);
    expect(clock.script()).toEqual([]);
    expect(clock.time()).toBe(0);
    expect(clock.now().state.note).toBe('Started again: three empty replicas.');
    expect(reads(clock)).toEqual(['{}', '{}', '{}']);
    stop();
    clock.setTime(5);
    expect(heard).toBe(3);
  });
});

describe('the gallery clock under the playback machine', () => {
  it('playing moves the message along and it lands after about 0.6 real seconds at 1×, 0.3 at 2×', () => {
    const lab = galleryLab();
    lab.clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    lab.clock.act({ type: 'send', from: 'A', to: 'B' });
    lab.playback.send({ type: 'playback.play' });
    const realMs = lab.realMsUntil(() => readAt(lab.clock, 1) === '1');
    expect(realMs).toBeGreaterThanOrEqual(600 - FRAME_MS);
    expect(realMs).toBeLessThanOrEqual(600 + FRAME_MS);

    lab.playback.send({ type: 'playback.setSpeed', speed: 2 });
    lab.clock.act({ type: 'send', from: 'A', to: 'C' });
    const faster = lab.realMsUntil(() => readAt(lab.clock, 2) === '1');
    expect(faster).toBeLessThanOrEqual(300 + FRAME_MS);
    expect(faster).toBeGreaterThanOrEqual(300 - FRAME_MS);
  });

  it('pause leaves a message in flight, frozen where it was, however long the learner waits', () => {
    const lab = galleryLab();
    lab.clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    lab.clock.act({ type: 'send', from: 'A', to: 'B' });
    lab.playback.send({ type: 'playback.play' });
    lab.wait(300);
    lab.playback.send({ type: 'playback.pause' });
    const t = lab.clock.time();
    const where = flightFraction(lab.clock.now().flights.get(1)!, t, FLIGHT_MS);
    expect(where).toBeGreaterThan(0.3);
    expect(where).toBeLessThan(0.7);
    lab.wait(5000);
    expect(lab.clock.time()).toBe(t);
    expect(readAt(lab.clock, 1)).toBe('0');
    expect(lab.clock.now().state.inFlight).toHaveLength(1);
    expect(lab.pauses.pausedOnPurpose()).toBe(true);
  });

  it('step jumps to the next landing, and is refused when nothing is left to happen', () => {
    const lab = galleryLab();
    lab.clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    lab.clock.act({ type: 'sync-all' });
    expect(lab.playback.getSnapshot().can({ type: 'playback.step' })).toBe(true);
    lab.playback.send({ type: 'playback.step' });
    expect(lab.clock.time()).toBe(FLIGHT_MS);
    expect(reads(lab.clock)).toEqual(['1', '1', '1']);
    expect(lab.playback.getSnapshot().can({ type: 'playback.step' })).toBe(false);
  });

  it('seeking back shows the replicas as they were; reset through the machine empties the script', () => {
    const lab = galleryLab();
    lab.clock.act({ type: 'op', replica: 'A', op: { type: 'inc' } });
    lab.clock.act({ type: 'send', from: 'A', to: 'B' });
    lab.playback.send({ type: 'playback.step' });
    expect(readAt(lab.clock, 1)).toBe('1');
    lab.playback.send({ type: 'playback.seek', time: FLIGHT_MS / 2 });
    expect(readAt(lab.clock, 1)).toBe('0');
    expect(lab.clock.now().state.inFlight).toHaveLength(1);
    lab.playback.send({ type: 'playback.reset' });
    expect(lab.clock.script()).toEqual([]);
    expect(lab.pauses.pausedOnPurpose()).toBe(false);
  });

  it('remembers a pause on purpose (Pause, Step) until Play or Reset; seeking leaves it as it was', () => {
    const lab = galleryLab();
    expect(lab.pauses.pausedOnPurpose()).toBe(false);
    lab.playback.send({ type: 'playback.toggle' });
    expect(lab.pauses.pausedOnPurpose()).toBe(false);
    lab.playback.send({ type: 'playback.toggle' });
    expect(lab.pauses.pausedOnPurpose()).toBe(true);
    lab.playback.send({ type: 'playback.seek', time: 0 });
    expect(lab.pauses.pausedOnPurpose()).toBe(true);
    lab.playback.send({ type: 'playback.play' });
    expect(lab.pauses.pausedOnPurpose()).toBe(false);
    lab.playback.send({ type: 'playback.seek', time: 0 });
    expect(lab.pauses.pausedOnPurpose()).toBe(false);
    lab.playback.send({ type: 'playback.step' });
    expect(lab.pauses.pausedOnPurpose()).toBe(true);
  });
});
