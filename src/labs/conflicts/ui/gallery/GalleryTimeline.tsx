import { useMemo, useSyncExternalStore } from 'react';
import { Scrubber, type Mark } from '../../../../components/TimelineScrubber.tsx';
import type { PlaybackHandle } from '../../../../components/playbackHandle.ts';
import type { GalleryClock, GalleryStep } from './galleryClock.ts';
import type { GalleryOp } from '../../model/gallery/galleryKinds.ts';

/** "increment", "add TV", "write red blind". */
function opWords(op: GalleryOp): string {
  switch (op.type) {
    case 'inc':
      return 'increment';
    case 'dec':
      return 'decrement';
    case 'add':
    case 'remove':
      return `${op.type} ${op.item}`;
    case 'write':
      return `write ${op.value}${op.blind ? ' blind' : ''}`;
  }
}

/** A mark on the gallery's timeline: operations as writes, reads as reads, everything else (messages, clocks, holding) as the third kind. */
export function markOf({ at, action: a }: GalleryStep): Mark {
  switch (a.type) {
    case 'op':
      return { at, kind: 'write', label: `${opWords(a.op)} at ${a.replica}` };
    case 'read':
      return { at, kind: 'read', label: `read at ${a.replica}` };
    case 'send':
      return { at, kind: 'fault', label: `send ${a.from} → ${a.to}` };
    case 'sync-all':
      return { at, kind: 'fault', label: 'sync everyone' };
    case 'deliver':
      return { at, kind: 'fault', label: `deliver message ${a.id}` };
    case 'drop':
      return { at, kind: 'fault', label: `drop message ${a.id}` };
    case 'set-clock':
      return { at, kind: 'fault', label: `set ${a.replica}'s clock` };
    case 'hold':
      return { at, kind: 'fault', label: a.on ? 'hold messages' : 'let messages go' };
  }
}

const GALLERY_LEGEND = { fault: 'message, clock or hold', write: 'change', read: 'read' } as const;

/** Virtual ms the timeline always reaches past the last thing that happens: about ten real seconds at 1×. */
const LOOK_AHEAD_MS = 1000;

/**
 * The gallery's timeline: a slider over its script, with the learner's actions marked.
 * Moving back shows the replicas as they were; acting there forks the script.
 */
export function GalleryTimeline({ clock, playback, of }: { clock: GalleryClock; playback: PlaybackHandle; of: string }) {
  const time = useSyncExternalStore(clock.subscribe, clock.time);
  const script = useSyncExternalStore(clock.subscribe, clock.script);
  const marks = useMemo(() => script.map(markOf), [script]);
  const end = Math.ceil(Math.max(time, clock.lastEventTime()) / LOOK_AHEAD_MS) * LOOK_AHEAD_MS + LOOK_AHEAD_MS;
  return <Scrubber playback={playback} marks={marks} end={end} of={of} legend={GALLERY_LEGEND} />;
}
