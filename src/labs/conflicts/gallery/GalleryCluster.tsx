import { useCallback, useReducer, useRef, useState } from 'react';
import { usePrefersReducedMotion } from '../../../components/usePrefersReducedMotion.ts';
import { FlyingDot, type Locate } from './FlyingDot.tsx';
import { REPLICAS, type GalleryKindId } from './galleryKinds.ts';
import { agreement, agreementText, galleryReducer, initialGallery } from './galleryModel.ts';
import { formatSeconds } from './galleryNotes.ts';
import { GALLERY_TEXT } from './galleryText.ts';
import { ReplicaBox } from './ReplicaBox.tsx';
import { useDeliveries } from './useDeliveries.ts';
import { VersionNotation } from '../VersionNotation.tsx';

/** One data type's three replicas, the messages between them, and whether they agree. */
export function GalleryCluster({ kind }: { kind: GalleryKindId }) {
  const [state, dispatch] = useReducer(galleryReducer, kind, initialGallery);
  const reducedMotion = usePrefersReducedMotion();
  const [hold, setHold] = useState(false);
  useDeliveries(state.inFlight, hold, reducedMotion, dispatch);
  const stage = useRef<HTMLDivElement>(null);
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const text = GALLERY_TEXT[kind];
  const agree = agreement(state);

  // Where a message starts and ends: near the top of each replica's box, in the stage's coordinates.
  const locate: Locate = useCallback((from, to) => {
    const s = stage.current?.getBoundingClientRect();
    const a = boxes.current[REPLICAS.indexOf(from)]?.getBoundingClientRect();
    const b = boxes.current[REPLICAS.indexOf(to)]?.getBoundingClientRect();
    if (!s || !a || !b) return null;
    const point = (r: DOMRect) => ({ x: r.left + r.width / 2 - s.left, y: r.top + 20 - s.top });
    return { from: point(a), to: point(b) };
  }, []);

  return (
    <div className="gallery-cluster">
      <div className="gallery-explain">
        {text.how.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          <strong>Try this:</strong> {text.tryThis}
        </p>
        {kind === 'mv-register' && <VersionNotation />}
      </div>
      {kind === 'lww-register' && <p className="small muted">True time now: {formatSeconds(state.time)}.</p>}
      <div className="gallery-stage" ref={stage}>
        {state.replicas.map((r, i) => (
          <ReplicaBox
            key={r.name}
            ref={(el) => {
              boxes.current[i] = el;
            }}
            kind={kind}
            replica={r}
            time={state.time}
            dispatch={dispatch}
          />
        ))}
        <div className="gallery-dots" aria-hidden="true">
          {state.inFlight.map((m) => (
            <FlyingDot key={m.id} from={m.from} to={m.to} held={hold} locate={locate} />
          ))}
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => dispatch({ type: 'sync-all' })}>
          Sync everyone
        </button>
        <button type="button" className="quiet" onClick={() => dispatch({ type: 'reset' })}>
          Start again
        </button>
        <label className="check">
          <input type="checkbox" checked={hold} onChange={(e) => setHold(e.target.checked)} />
          Hold messages until I deliver them
        </label>
      </div>
      {hold && state.inFlight.length > 0 && (
        <ul className="gallery-inflight" aria-label="Messages in flight">
          {state.inFlight.map((m) => (
            <li key={m.id}>
              <span>
                Message {m.id}: {m.from} → {m.to}
              </span>
              <button type="button" onClick={() => dispatch({ type: 'deliver', id: m.id })}>
                Deliver message {m.id}
              </button>
              <button type="button" className="quiet" onClick={() => dispatch({ type: 'drop', id: m.id })}>
                Drop message {m.id}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" className="gallery-status">
        {state.note && <p className="gallery-note">{state.note}</p>}
        <p className={`gallery-agree ${agree.converged ? 'ok' : 'differ'}`}>{agreementText(agree, state.inFlight.length)}</p>
      </div>
    </div>
  );
}
