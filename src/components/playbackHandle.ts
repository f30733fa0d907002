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
 * A running actor's view. Whether it can step depends on the clock as well as the
 * machine's state (a message sent while paused is a next event), so it is worked out at
 * each change of either, not kept with the snapshot.
 */
function viewOf(actor: PlaybackActor): PlaybackView {
  const s = actor.getSnapshot();
  return { playing: s.matches('playing'), speed: s.context.speed, clock: s.context.clock, canStep: s.can({ type: 'playback.step' }) };
}

/**
 * Every listener of a handle shares one subscription to each source, and the view is
 * worked out once per change however many selectors read it (the bar has five, and the
 * playhead moves every frame). With no listener nothing is remembered: each read works
 * the view out afresh.
 */
function shared(sources: () => readonly ((notify: () => void) => () => void)[], compute: () => PlaybackView) {
  const listeners = new Set<() => void>();
  let offs: (() => void)[] = [];
  let version = 0;
  let cached: { readonly version: number; readonly view: PlaybackView } | null = null;
  const notify = () => {
    version++;
    for (const l of listeners) l();
  };
  return {
    notify,
    view(): PlaybackView {
      if (listeners.size === 0) return compute();
      if (cached?.version !== version) cached = { version, view: compute() };
      return cached.view;
    },
    subscribe(listener: () => void): () => void {
      if (listeners.size === 0) {
        offs = sources().map((source) => source(notify));
        version++;
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        for (const off of offs) off();
        offs = [];
      };
    },
  };
}

/** An actor a panel started itself, as a handle: the machine's changes and the clock's, since what it can do depends on both. */
export function handleOf(actor: PlaybackActor): PlaybackHandle {
  const changes = shared(
    () => [
      (notify) => {
        const sub = actor.subscribe(notify);
        return () => sub.unsubscribe();
      },
      (notify) => actor.getSnapshot().context.clock.subscribe(notify),
    ],
    () => viewOf(actor),
  );
  return { send: (event) => actor.send(event), view: changes.view, subscribe: changes.subscribe };
}

/**
 * A lab's playback on its store, its machine loaded in the background. Until it is, the
 * bar shows the store's playhead, paused at 1×, and events wait in order; then the actor
 * starts and takes them. `stop` ends the actor (the lab unmounted).
 */
export function lazyPlayback(store: LabStore): PlaybackHandle & { start(): void; stop(): void } {
  const clock = storeClock(store);
  const waiting: PlaybackEvent[] = [];
  let actor: PlaybackActor | null = null;
  let stopped = false;
  // The store's changes; the machine's reach the same listeners once it runs (start).
  const changes = shared(
    () => [(notify) => store.subscribe(notify)],
    // Before the machine: what a paused machine would say, from the store itself.
    () => (actor ? viewOf(actor) : { playing: false, speed: 1, clock, canStep: clock.nextEventAfter(clock.time()) < Infinity }),
  );
  return {
    send(event) {
      if (actor) actor.send(event);
      else waiting.push(event);
    },
    view: changes.view,
    subscribe: changes.subscribe,
    start() {
      stopped = false;
      if (actor) return;
      void import('../machines/startPlayback.ts').then(({ startPlayback }) => {
        if (stopped || actor) return;
        actor = startPlayback(store);
        actor.subscribe(changes.notify);
        for (const event of waiting.splice(0)) actor.send(event);
        changes.notify();
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
