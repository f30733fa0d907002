import './likes.css';
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { usePrefersReducedMotion } from '../../../../components/usePrefersReducedMotion.ts';
import { handleOf } from '../../../../components/playbackHandle.ts';
import { ClusterView } from '../../../../components/ClusterView.tsx';
import { Field } from '../../../../components/Field.tsx';
import { PlaybackBar } from '../../../../components/PlaybackBar.tsx';
import { Scrubber, type Mark } from '../../../../components/TimelineScrubber.tsx';
import { LIKE_CLOCKS, LIKE_REAL_SYSTEMS } from '../../../../content/likeWords.ts';
import { rememberInAddress } from '../../../../embed/address.ts';
import { SEED_MAX, readParams } from '../../../../embed/params.ts';
import { playbackMachine } from '../../../../machines/playbackMachine.ts';
import { createLabStore, selectTime } from '../../../../store/labStore.ts';
import { LabStoreProvider } from '../../../../store/LabStoreContext.tsx';
// The two designs in words, for the picture's labels.
import '../../../../view/crdtWords.ts';
import { LIKE_PARAMS, likeConfigOf, likeParamsOf } from '../../model/panelParams.ts';
import { LIKE_RATES } from '../../model/likes/likeSettings.ts';
import {
  DELAY_MAX_MS,
  DELAY_MIN_MS,
  LIKE_DESIGNS,
  LIKES_DURATION_MS,
  LIKES_END_MS,
  MAX_END_MS,
  SERVERS,
  likeFrameAt,
  likeOutcome,
  likeScenario,
  runLikes,
  type LikeConfig,
  type LikeDesign,
  type Server,
} from '../../model/likes/likeCounter.ts';
import { LikeTables } from './LikeTables.tsx';

const SECONDS = Array.from({ length: LIKES_DURATION_MS / 1000 + 1 }, (_, i) => i);
const DESIGN_NAMES: Record<LikeDesign, string> = { 'g-counter': 'G-Counter', 'lww-counter': 'Naive counter' };
const OF = 'the like counter';
const LIKE_LEGEND = { fault: 'cut or heal', write: 'like', read: 'read' } as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The likes and the cut, marked above the timeline. */
function marksOf(config: LikeConfig, likes: readonly { at: number; server: Server }[]): Mark[] {
  const marks: Mark[] = likes.map((l) => ({ at: l.at, kind: 'write', label: `a like at ${l.server}` }));
  if (config.cut !== null) marks.push({ at: config.cutStart, kind: 'fault', label: `${config.cut} cut off` }, { at: config.cutEnd, kind: 'fault', label: 'cut healed' });
  return marks;
}

/**
 * The module's design exercise: count likes arriving at three servers while one of them is
 * cut off for a while. A G-Counter and a naive read-increment-write counter run on the
 * simulator, on the same likes, and the like counter's own playback machine moves the
 * playhead over both. The address can set it up (LIKE_PARAMS in panelParams.ts), and
 * every change to the set-up is written back to it, so a copied link keeps it.
 */
export function LikeCounter({ search }: { search: string }) {
  const id = useId();
  const [config, setConfig] = useState<LikeConfig>(() => likeConfigOf(readParams(LIKE_PARAMS, search).values));
  const [initial] = useState(config);
  const [design, setDesign] = useState<LikeDesign>('lww-counter');
  // The picture's run and the clock: one design's scenario in a store of its own.
  const [store] = useState(() => createLabStore(likeScenario(config, design)));
  const playback = useActorRef(playbackMachine, { input: { store } });
  const handle = useMemo(() => handleOf(playback), [playback]);
  const playing = useSelector(playback, (s) => s.matches('playing'));
  const time = useStore(store, selectTime);
  const reducedMotion = usePrefersReducedMotion();
  const runs = useMemo(() => runLikes(config), [config]);
  const marks = useMemo(() => marksOf(config, runs.likes), [config, runs]);

  // A new set-up or design: the picture's run changes, the playhead stays where it is.
  useEffect(() => {
    const next = likeScenario(config, design);
    const s = store.getState();
    if (JSON.stringify(s.run.scenario) !== JSON.stringify(next)) s.load(next, s.time);
  }, [store, config, design]);
  // Only once the learner changes something: opening the lab leaves its address as it was.
  useEffect(() => {
    if (config !== initial) rememberInAddress(LIKE_PARAMS, likeParamsOf(config));
  }, [config, initial]);
  // The exercise ends when every server agrees (runs.end): playing stops there.
  const { end } = runs;
  useEffect(() => {
    if (playing && time >= end) {
      playback.send({ type: 'playback.pause' });
      playback.send({ type: 'playback.seek', time: end });
    }
  }, [playing, time, playback, end]);

  const shownTime = Math.min(time, end);
  const frame = likeFrameAt(runs, shownTime);
  // The outcome is the run's, not the playhead's: worked out once per set-up, not every frame.
  const outcome = useMemo(() => likeOutcome(runs), [runs]);
  const atEnd = time >= end;
  const set = (patch: Partial<LikeConfig>) => setConfig((c) => ({ ...c, ...patch }));
  // The cut always lasts at least a second: moving one end past the other pushes it along.
  const setCutStart = (ms: number) => setConfig((c) => ({ ...c, cutStart: ms, cutEnd: Math.max(c.cutEnd, ms + 1000) }));
  const setCutEnd = (ms: number) => setConfig((c) => ({ ...c, cutEnd: ms, cutStart: Math.min(c.cutStart, ms - 1000) }));
  const jumpToEnd = () => {
    playback.send({ type: 'playback.pause' });
    playback.send({ type: 'playback.seek', time: end });
  };
  const cutNow = config.cut !== null && shownTime >= config.cutStart && shownTime < config.cutEnd;

  return (
    <section className="panel like-counter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Exercise: a like counter</h2>
      <p>
        Likes for one post arrive at three servers, A, B and C. One server is cut off from the other two for a while, but its own users can still reach it. When it
        comes back, the count must still be right. Two designs run side by side on the same likes, the same cut and the same kind of network:
      </p>
      <ul className="likes-designs">
        <li>
          <strong>G-Counter:</strong> each server counts its own likes in its own entry; servers exchange their entries and keep the larger number of each. The count is
          the sum.
        </li>
        <li>
          <strong>Naive counter:</strong> a like reads the server’s own copy of the total, adds one and writes the new total with the server’s clock time; a server
          receiving a copy keeps whichever was written last.
        </li>
      </ul>
      <p className="small muted">
        In this lab a server takes a like on its own (N = 3, W = 1) and sends its new state to the other two at once; every second each server also syncs with one other
        chosen at random. A message takes {DELAY_MIN_MS} to {DELAY_MAX_MS} ms, and messages across the cut are lost. Likes stop at {seconds(LIKES_DURATION_MS)}. The run is
        shown until every server agrees, at least to {seconds(LIKES_END_MS)} and at most to {seconds(MAX_END_MS)}: random sync partners usually bring a cut-off server back within a second or two, but
        nothing guarantees when ({end > LIKES_END_MS ? `this time they agree at ${seconds(end)}` : 'this time they agree by then'}). {LIKE_CLOCKS} Each design sends its own messages, so their delays are drawn separately.
      </p>
      <fieldset>
        <legend>Set up</legend>
        <div className="field-row">
          <Field label="Server cut off">
            {(fieldId) => (
              <select id={fieldId} value={config.cut ?? 'none'} onChange={(e) => set({ cut: e.target.value === 'none' ? null : (e.target.value as Server) })}>
                <option value="none">None</option>
                {SERVERS.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Cut from (s)">
            {(fieldId) => (
              <select id={fieldId} value={config.cutStart / 1000} disabled={config.cut === null} onChange={(e) => setCutStart(Number(e.target.value) * 1000)}>
                {SECONDS.slice(0, -1).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Cut until (s)">
            {(fieldId) => (
              <select id={fieldId} value={config.cutEnd / 1000} disabled={config.cut === null} onChange={(e) => setCutEnd(Number(e.target.value) * 1000)}>
                {SECONDS.slice(1).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Likes per second">
            {(fieldId) => (
              <select id={fieldId} value={config.rate} onChange={(e) => set({ rate: Number(e.target.value) })}>
                {LIKE_RATES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Seed">
            {(fieldId) => (
              <input
                id={fieldId}
                type="number"
                min={0}
                max={SEED_MAX}
                step={1}
                value={config.seed}
                onChange={(e) => {
                  const n = Math.trunc(Number(e.target.value));
                  if (e.target.value !== '' && Number.isFinite(n) && n >= 0 && n <= SEED_MAX) set({ seed: n });
                }}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <LabStoreProvider store={store}>
        <PlaybackBar playback={handle} of={OF} />
        <div className="likes-time">
          <Scrubber playback={handle} marks={marks} end={end} of={OF} legend={LIKE_LEGEND} />
          <button type="button" className="quiet" onClick={jumpToEnd}>
            Jump to the end
          </button>
        </div>
        <div className="likes-grid">
          <div className="likes-picture">
            <fieldset className="likes-design">
              <legend>The picture shows the messages of</legend>
              {LIKE_DESIGNS.map((d) => (
                <label key={d}>
                  <input type="radio" name={`${id}-design`} checked={design === d} onChange={() => setDesign(d)} /> {DESIGN_NAMES[d]}
                </label>
              ))}
            </fieldset>
            <ClusterView reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} />
          </div>
          <div className="likes-now">
            <p>
              {cutNow ? <strong className="likes-cut-badge">{config.cut} is cut off now. </strong> : null}
              Likes made so far: <strong>{frame.likes}</strong> ({SERVERS.map((s, i) => `${s} ${frame.likesAt[i]}`).join(', ')}). Messages between servers lost to the
              cut so far: {frame.lostMessages['g-counter']} in the G-Counter’s run, {frame.lostMessages['lww-counter']} in the naive counter’s.
            </p>
            <LikeTables frame={frame} cut={cutNow ? config.cut : null} />
          </div>
        </div>
      </LabStoreProvider>
      <div role="status" className="likes-outcome">
        {atEnd ? (
          <>
            {outcome.converged ? (
              <>
                <p className={outcome.gCounter === outcome.likes ? 'ok' : 'bad'}>
                  G-Counter: every server reads {outcome.gCounter}, {outcome.gCounter === outcome.likes ? `exactly the ${outcome.likes} likes.` : `not the ${outcome.likes} likes made.`}
                </p>
                <p className={outcome.lost > 0 ? 'bad' : 'ok'}>
                  Naive counter: every server reads {outcome.naive}: {outcome.lost === 0 ? 'no likes lost.' : `${outcome.lost} ${outcome.lost === 1 ? 'like' : 'likes'} lost.`}
                </p>
              </>
            ) : (
              <p className="bad">
                The servers still disagree at {seconds(end)}: G-Counter {SERVERS.map((s, i) => `${s} ${outcome.gCounters[i]}`).join(', ')}; naive counter{' '}
                {SERVERS.map((s, i) => `${s} ${outcome.naives[i]}`).join(', ')}, of {outcome.likes} likes made.
              </p>
            )}
          </>
        ) : (
          <p>Play to the end ({seconds(end)}) to see where the two counters settle. What do you expect the naive counter to read?</p>
        )}
      </div>
      <details className="likes-why">
        <summary>Why the naive counter loses likes</summary>
        <p>
          Two servers that increment before hearing from each other both read the same total, say 5, and both write 6. Whichever write has the later time wins, and the
          other like is gone. A server that is cut off keeps writing totals built on an old count; when it comes back, its totals and the others’ cannot both survive.
          The G-Counter never overwrites another server’s likes: each server only raises its own entry, so merging loses nothing.
        </p>
        <p>{LIKE_REAL_SYSTEMS}</p>
      </details>
    </section>
  );
}
