import './gallery.css';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { rememberInAddress } from '../../../../embed/address.ts';
import { hasParam, readParams } from '../../../../embed/params.ts';
import { GALLERY_PARAMS } from '../../model/panelParams.ts';
import { GALLERY_KIND_IDS, GALLERY_KINDS, type GalleryKindId } from '../../model/gallery/galleryKinds.ts';
import { GalleryCluster } from './GalleryCluster.tsx';

/**
 * Seven replicated data types, each as a live cluster of three replicas you can update,
 * sync and watch converge (or not quite, for the registers). `?crdt=or-set` opens one,
 * and choosing one puts it in the address (a bad `crdt=` is told in the lab's notice).
 */
export function CrdtGallery({ search }: { search: string }) {
  const base = useId();
  const [kind, setKind] = useState<GalleryKindId>(() => readParams(GALLERY_PARAMS, search).values.crdt);
  const [withLesson] = useState(() => hasParam(search, 'lesson'));
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const choose = (k: GalleryKindId, focus = false) => {
    setKind(k);
    rememberInAddress(GALLERY_PARAMS, { crdt: k });
    if (focus) tabs.current[GALLERY_KIND_IDS.indexOf(k)]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = GALLERY_KIND_IDS.indexOf(kind);
    const n = GALLERY_KIND_IDS.length;
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1 + n, ArrowUp: i - 1 + n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    choose(GALLERY_KIND_IDS[next % n]!, true);
  };

  return (
    <section className="panel crdt-gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title">A CRDT gallery</h2>
      <p>
        Each data type below runs on three replicas, A, B and C. Change any replica on its own, send its state to another (a message carries the sender’s whole state, which the receiver merges into its own), and watch them come together: a merge
        that is commutative, associative and idempotent lets replicas agree whatever order the states arrive in.
      </p>
      <div role="tablist" aria-label="Data type" className="gallery-tabs" onKeyDown={onKeyDown}>
        {GALLERY_KIND_IDS.map((k, i) => (
          <button
            key={k}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${k}`}
            aria-selected={k === kind}
            aria-controls={`${base}-panel-${k}`}
            tabIndex={k === kind ? 0 : -1}
            onClick={() => choose(k)}
          >
            {GALLERY_KINDS[k].name}
          </button>
        ))}
      </div>
      {GALLERY_KIND_IDS.map((k) => (
        <div key={k} role="tabpanel" id={`${base}-panel-${k}`} aria-labelledby={`${base}-tab-${k}`} hidden={k !== kind} className="gallery-tabpanel">
          <GalleryCluster kind={k} withLesson={withLesson} />
        </div>
      ))}
    </section>
  );
}
