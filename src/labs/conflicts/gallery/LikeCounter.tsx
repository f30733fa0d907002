import './gallery.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Field } from '../../../components/Field.tsx';
import { rememberInAddress } from '../../../embed/address.ts';
import { SEED_MAX, readParams } from '../../../embed/params.ts';
import { LIKE_PARAMS, likeConfigOf, likeParamsOf } from '../panelParams.ts';
import { LIKE_RATES } from './likeSettings.ts';
import { LikeTables } from './LikeTables.tsx';
import { DELAY_MAX_MS, DELAY_MIN_MS, LIKES_DURATION_MS, LIKES_END_MS, SERVERS, likeFrameAt, likeOutcome, simulateLikes, type LikeConfig, type Server } from './likeCounter.ts';

/** Virtual seconds per real second while playing. */
const PLAY_SPEED = 2;
const SECONDS = Array.from({ length: LIKES_DURATION_MS / 1000 + 1 }, (_, i) => i);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Move the time forward in real time while `playing`, from wherever it is; stop at the end. */
function usePlay(playing: boolean, time: number, setTime: (t: number) => void, onEnd: () => void) {
  const timeRef = useRef(time);
  useEffect(() => {
    timeRef.current = time;
  });
  useEffect(() => {
    if (!playing) return;
    let t = timeRef.current;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      t = Math.min(LIKES_END_MS, t + (now - last) * PLAY_SPEED);
      last = now;
      setTime(t);
      if (t >= LIKES_END_MS) onEnd();
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, setTime, onEnd]);
}

/**
 * The module's design exercise: count likes arriving at three servers while one of them is
 * cut off for a while. A G-Counter and a naive read-increment-write counter run side by
 * side on the same likes. The address can set it up (LIKE_PARAMS in panelParams.ts),
 * and every change to the set-up is written back to it, so a copied link keeps it.
 */
export function LikeCounter({ search }: { search: string }) {
  const [config, setConfig] = useState<LikeConfig>(() => likeConfigOf(readParams(LIKE_PARAMS, search).values));
  const [initial] = useState(config);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const run = useMemo(() => simulateLikes(config), [config]);
  // Only once the learner changes something: opening the lab leaves its address as it was.
  useEffect(() => {
    if (config !== initial) rememberInAddress(LIKE_PARAMS, likeParamsOf(config));
  }, [config, initial]);
  const stop = useCallback(() => setPlaying(false), []);
  usePlay(playing, time, setTime, stop);
  const frame = likeFrameAt(run, time);
  const outcome = likeOutcome(run);
  const atEnd = time >= LIKES_END_MS;
  const set = (patch: Partial<LikeConfig>) => setConfig((c) => ({ ...c, ...patch }));
  // The cut always lasts at least a second: moving one end past the other pushes it along.
  const setCutStart = (ms: number) => setConfig((c) => ({ ...c, cutStart: ms, cutEnd: Math.max(c.cutEnd, ms + 1000) }));
  const setCutEnd = (ms: number) => setConfig((c) => ({ ...c, cutEnd: ms, cutStart: Math.min(c.cutStart, ms - 1000) }));
  const togglePlay = () => {
    if (!playing && atEnd) setTime(0);
    setPlaying(!playing);
  };
  const jumpToEnd = () => {
    setPlaying(false);
    setTime(LIKES_END_MS);
  };
  const cutNow = config.cut !== null && time >= config.cutStart && time < config.cutEnd;

  return (
    <section className="panel like-counter" aria-labelledby="likes-title">
      <h2 id="likes-title">Exercise: a like counter</h2>
      <p>
        Likes for one post arrive at three servers, A, B and C. One server is cut off from the other two for a while, but its own users can still reach it. When it
        comes back, the count must still be right. Two designs run side by side on the same likes and the same network:
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
        After each like a server sends its state to the others, and every second all servers send it again. A message takes {DELAY_MIN_MS} to {DELAY_MAX_MS} ms. Likes stop at {seconds(LIKES_DURATION_MS)};
        the run ends at {seconds(LIKES_END_MS)}.
      </p>
      <fieldset>
        <legend>Set up</legend>
        <div className="field-row">
          <Field label="Server cut off">
            {(id) => (
              <select id={id} value={config.cut ?? 'none'} onChange={(e) => set({ cut: e.target.value === 'none' ? null : (e.target.value as Server) })}>
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
            {(id) => (
              <select id={id} value={config.cutStart / 1000} disabled={config.cut === null} onChange={(e) => setCutStart(Number(e.target.value) * 1000)}>
                {SECONDS.slice(0, -1).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Cut until (s)">
            {(id) => (
              <select id={id} value={config.cutEnd / 1000} disabled={config.cut === null} onChange={(e) => setCutEnd(Number(e.target.value) * 1000)}>
                {SECONDS.slice(1).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Likes per second">
            {(id) => (
              <select id={id} value={config.rate} onChange={(e) => set({ rate: Number(e.target.value) })}>
                {LIKE_RATES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Seed">
            {(id) => (
              <input
                id={id}
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
      <div className="likes-time">
        <button type="button" className="primary" onClick={togglePlay}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="quiet" onClick={jumpToEnd}>
          Jump to the end
        </button>
        <Field label="Virtual time" className="likes-slider">
          {(id) => (
            <input
              id={id}
              type="range"
              min={0}
              max={LIKES_END_MS}
              step={100}
              value={Math.round(time / 100) * 100}
              aria-valuetext={seconds(time)}
              onChange={(e) => {
                setPlaying(false);
                setTime(Number(e.target.value));
              }}
            />
          )}
        </Field>
        <p className="likes-clock">
          t = {seconds(time)}
          {cutNow && <span className="likes-cut-badge"> · {config.cut} cut off</span>}
        </p>
      </div>
      <p>
        True number of likes so far: <strong>{frame.likes}</strong> ({SERVERS.map((s, i) => `${s} ${frame.likesAt[i]}`).join(', ')}). Messages lost to the cut so far: {frame.lostMessages}.
      </p>
      <LikeTables frame={frame} cut={cutNow ? config.cut : null} />
      <div role="status" className="likes-outcome">
        {atEnd ? (
          <>
            <p className="ok">
              G-Counter: every server reads {outcome.gCounter}, exactly the {outcome.likes} likes.
            </p>
            <p className={outcome.lost > 0 ? 'bad' : 'ok'}>
              Naive counter: every server reads {outcome.naive}: {outcome.lost === 0 ? 'no likes lost.' : `${outcome.lost} ${outcome.lost === 1 ? 'like' : 'likes'} lost.`}
            </p>
          </>
        ) : (
          <p>Play to the end ({seconds(LIKES_END_MS)}) to see where the two counters settle. What do you expect the naive counter to read?</p>
        )}
      </div>
      <details className="likes-why">
        <summary>Why the naive counter loses likes</summary>
        <p>
          Two servers that increment before hearing from each other both read the same total, say 5, and both write 6. Whichever write has the later time wins, and the
          other like is gone. A server that is cut off keeps writing totals built on an old count; when it comes back, its totals and the others’ cannot both survive.
          The G-Counter never overwrites another server’s likes: each server only raises its own entry, so merging loses nothing.
        </p>
      </details>
    </section>
  );
}
