import { useActorRef, useSelector } from '@xstate/react';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { usePrefersReducedMotion } from '../../../../components/usePrefersReducedMotion.ts';
import { PlaybackBar } from '../../../../components/PlaybackBar.tsx';
import { handleOf } from '../../../../components/playbackHandle.ts';
import { playbackMachine } from '../../../../machines/playbackMachine.ts';
import { GalleryDots, type Locate } from './FlyingDot.tsx';
import { createGalleryClock, FLIGHT_MS, type GalleryClock, type GalleryScriptAction } from './galleryClock.ts';
import { GALLERY_KINDS, REPLICAS, type GalleryKindId } from '../../model/gallery/galleryKinds.ts';
import { agreement, agreementText } from '../../model/gallery/galleryModel.ts';
import { formatSeconds } from '../../model/gallery/galleryNotes.ts';
import { GALLERY_TEXT } from '../../model/gallery/galleryText.ts';
import { GalleryTimeline } from './GalleryTimeline.tsx';
import { createPauseMemory, stopWhenDone } from './pauseMemory.ts';
import { galleryLessonView } from './lessonView.ts';
import { ReplicaBox } from './ReplicaBox.tsx';
import { VersionNotation } from '../VersionNotation.tsx';

/** A guided lesson over this data type (…&lesson=merge-order): loads only when the address asks for one. */
const LessonPanel = lazy(() => import('../../../../components/lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

/** With reduced motion a message lands at once, as it is not drawn flying. */
const flightFor = (reducedMotion: boolean) => (reducedMotion ? 0 : FLIGHT_MS);

/**
 * One data type's three replicas, the messages between them, and whether they agree. The
 * type has its own clock (the learner's script and a playhead) and its own playback
 * machine, so Pause, Step, speed and the timeline apply to its messages.
 */
export function GalleryCluster({ kind, withLesson = false }: { kind: GalleryKindId; withLesson?: boolean }) {
  const reducedMotion = usePrefersReducedMotion();
  const [clock] = useState(() => createGalleryClock(kind, { flight: flightFor(reducedMotion) }));
  const [pauses] = useState(createPauseMemory);
  const playback = useActorRef(playbackMachine, { input: { clock }, inspect: pauses.observe });
  const handle = useMemo(() => handleOf(playback), [playback]);
  const playing = useSelector(playback, (s) => s.matches('playing'));
  const moment = useSyncExternalStore(clock.subscribe, clock.now);
  const { state, hold } = moment;
  const stage = useRef<HTMLDivElement>(null);
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const text = GALLERY_TEXT[kind];
  const name = `the ${GALLERY_KINDS[kind].name}`;
  const agree = agreement(state);
  const held = state.inFlight.filter((m) => moment.flights.get(m.id)?.lands === null);
  const waiting = !playing && state.inFlight.length > held.length;

  useEffect(() => clock.setFlight(flightFor(reducedMotion)), [clock, reducedMotion]);

  // What a lesson's goals look at, worked out again when the moment changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the clock is the same object; the moment says when its view changed
  const lessonView = useMemo(() => (withLesson ? galleryLessonView(clock) : null), [withLesson, clock, moment]);
  const [lessonProblem, setLessonProblem] = useState<string | null>(null);

  // Acting happens at the playhead. A message then needs time to fly: start the clock,
  // as the cart does after a change, unless the learner paused it to look at a moment.
  const act = useCallback(
    (action: GalleryScriptAction) => {
      clock.act(action);
      const stopped = playback.getSnapshot().matches('paused');
      if (stopped && !pauses.pausedOnPurpose() && clock.nextEventAfter(clock.time()) < Infinity) {
        playback.send({ type: 'playback.play' });
        pauses.startedByAction();
      }
    },
    [clock, playback, pauses],
  );

  // A clock an action started stops by itself once every message has landed.
  useEffect(() => stopWhenDone(clock, playback, pauses), [clock, playback, pauses]);

  // Where a message starts and ends: the middle of the top edge of each replica's box, in the
  // stage's coordinates, so a dot paused on its way sits on the border rather than over the name.
  const locate: Locate = useCallback((from, to) => {
    const s = stage.current?.getBoundingClientRect();
    const a = boxes.current[REPLICAS.indexOf(from)]?.getBoundingClientRect();
    const b = boxes.current[REPLICAS.indexOf(to)]?.getBoundingClientRect();
    if (!s || !a || !b) return null;
    // Side by side: along the top edges. Stacked (a narrow screen): down the right-hand edge,
    // in the corner beside each replica's name, where a paused dot hides no control.
    const stacked = Math.abs(a.left - b.left) < 4;
    const point = (r: DOMRect) => (stacked ? { x: r.right - s.left - 14, y: r.top - s.top + 16 } : { x: r.left + r.width / 2 - s.left, y: r.top - s.top });
    return { from: point(a), to: point(b) };
  }, []);

  return (
    <div className="gallery-cluster">
      {lessonView && (
        <Suspense fallback={<p role="status">Loading the lesson…</p>}>
          {lessonProblem && (
            <p className="notice error" role="alert">
              {lessonProblem}
            </p>
          )}
          <LessonPanel lab="conflicts" crdt={kind} view={lessonView} onProblem={setLessonProblem} scrollIntoView />
        </Suspense>
      )}
      <div className="gallery-explain">
        {text.how.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          <strong>Try this:</strong> {text.tryThis}
        </p>
        {kind === 'mv-register' && <VersionNotation />}
      </div>
      <div className="gallery-time">
        <PlaybackBar playback={handle} of={name} />
        <GalleryTimeline clock={clock} playback={handle} of={name} />
        <p className="small muted">Everything you do here happens at the playhead. Acting after moving back in time drops what came later.</p>
      </div>
      {kind === 'lww-register' && <TrueTime clock={clock} />}
      <div className="gallery-stage" ref={stage}>
        {state.replicas.map((r, i) => (
          <ReplicaBox
            key={r.name}
            ref={(el) => {
              boxes.current[i] = el;
            }}
            kind={kind}
            replica={r}
            clock={clock}
            act={act}
          />
        ))}
        <GalleryDots clock={clock} moment={moment} locate={locate} />
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => act({ type: 'sync-all' })}>
          Sync everyone
        </button>
        <button type="button" className="quiet" onClick={() => playback.send({ type: 'playback.reset' })}>
          Start again
        </button>
        <label className="check">
          <input type="checkbox" checked={hold} onChange={(e) => act({ type: 'hold', on: e.target.checked })} />
          Hold messages until I deliver them
        </label>
      </div>
      {held.length > 0 && (
        <ul className="gallery-inflight" aria-label="Messages in flight">
          {held.map((m) => (
            <li key={m.id}>
              <span>
                Message {m.id}: {m.from} → {m.to}
              </span>
              <button type="button" onClick={() => act({ type: 'deliver', id: m.id })}>
                Deliver message {m.id}
              </button>
              <button type="button" className="quiet" onClick={() => act({ type: 'drop', id: m.id })}>
                Drop message {m.id}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" className="gallery-status">
        {state.note && <p className="gallery-note">{state.note}</p>}
        <p className={`gallery-agree ${agree.converged ? 'ok' : 'differ'}`}>{agreementText(agree, state.inFlight.length)}</p>
        {waiting && <p className="small">The clock is paused, so messages on their way wait where they are: press Play or Step to let them land.</p>}
      </div>
    </div>
  );
}

/** The LWW tab's true time, following the playhead on its own so the replicas need not re-render every frame. */
function TrueTime({ clock }: { clock: GalleryClock }) {
  const time = useSyncExternalStore(clock.subscribe, clock.time);
  return <p className="small muted">True time now: {formatSeconds(time)}.</p>;
}
