import { useSyncExternalStore } from 'react';
import type { ActorRefFrom } from 'xstate';
import { storeClock, type PlaybackClock, type PlaybackEvent } from '../machines/playbackClock.ts';
import type { playbackMachine } from '../machines/playbackMachine.ts';
import type { LabStore } from '../store/labStore.ts';

/** What the playback bar and the timeline show of a playback machine. */
export interface PlaybackView {
  readonly playing: boolean;
  readonly speed: number;
  readonly clock: PlaybackClock;
  readonly canStep: boolean;
}

/**
 * A playback machine as the views use it: send it events, read what it shows, hear when
 * that changes. A lab's own machine is loaded just after its first screen (lazyPlayback):
 * XState is most of a kilobyte budget, and nothing moves before the learner acts. A panel
 * that runs its own machine wraps its actor (handleOf).
 */
export interface PlaybackHandle {
  send(event: PlaybackEvent): void;
  view(): PlaybackView;
  subscribe(listener: () => void): () => void;
}

type PlaybackActor = ActorRefFrom<typeof playbackMachine>;

/**
 * A running actor's view. Worked out at each call: whether it can step depends on the
 * clock as well as the machine's state (a message sent while paused is a next event), and
 * every selector returns a value that compares equal when nothing changed.
 */
function viewOf(actor: PlaybackActor): PlaybackView {
  const s = actor.getSnapshot();
  return { playing: s.matches('playing'), speed: s.context.speed, clock: s.context.clock, canStep: s.can({ type: 'playback.step' }) };
}

/** An actor a panel started itself, as a handle. */
export function handleOf(actor: PlaybackActor): PlaybackHandle {
  return {
    send: (event) => actor.send(event),
    view: () => viewOf(actor),
    // The machine's changes and the clock's: what it can do depends on both.
    subscribe: (listener) => {
      const sub = actor.subscribe(listener);
      const off = actor.getSnapshot().context.clock.subscribe(listener);
      return () => {
        sub.unsubscribe();
        off();
      };
    },
  };
}

/**
 * A lab's playback on its store, its machine loaded in the background. Until it is, the
 * bar shows the store's playhead, paused at 1×, and events wait in order; then the actor
 * starts and takes them. `stop` ends the actor (the lab unmounted).
 */
export function lazyPlayback(store: LabStore): PlaybackHandle & { start(): void; stop(): void } {
  const clock = storeClock(store);
  const waiting: PlaybackEvent[] = [];
  const listeners = new Set<() => void>();
  let actor: PlaybackActor | null = null;
  let stopped = false;
  let before: PlaybackView | null = null;
  const notify = () => {
    for (const l of listeners) l();
  };
  return {
    send(event) {
      if (actor) actor.send(event);
      else waiting.push(event);
    },
    view() {
      if (actor) return viewOf(actor);
      // Before the machine: what a paused machine would say, from the store itself.
      const canStep = clock.nextEventAfter(clock.time()) < Infinity;
      if (before?.canStep !== canStep) before = { playing: false, speed: 1, clock, canStep };
      return before;
    },
    subscribe(listener) {
      // The machine's changes (once it runs) and the store's: what it can do depends on both.
      listeners.add(listener);
      const off = store.subscribe(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
    start() {
      stopped = false;
      if (actor) return;
      void import('../machines/startPlayback.ts').then(({ startPlayback }) => {
        if (stopped || actor) return;
        actor = startPlayback(store);
        actor.subscribe(notify);
        for (const event of waiting.splice(0)) actor.send(event);
        notify();
      });
    },
    stop() {
      stopped = true;
      actor?.stop();
      actor = null;
    },
  };
}

/** Part of what a playback handle shows, read again whenever it changes. */
export function usePlayback<T>(handle: PlaybackHandle, select: (v: PlaybackView) => T): T {
  return useSyncExternalStore(handle.subscribe, () => select(handle.view()));
}
