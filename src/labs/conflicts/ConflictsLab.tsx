import '../../components/components.css';
import { Suspense, lazy } from 'react';
import { VersionVectorPanel } from './vv/VersionVectorPanel.tsx';

/** Below the fold: the gallery and the exercise load just after the first screen. */
const CrdtGallery = lazy(() => import('./gallery/CrdtGallery.tsx').then((m) => ({ default: m.CrdtGallery })));
const LikeCounter = lazy(() => import('./gallery/LikeCounter.tsx').then((m) => ({ default: m.LikeCounter })));

/**
 * The conflicts lab: the same cart kept three ways (last write wins, siblings merged by
 * union, an OR-Set), version vectors up close, and a gallery of CRDTs.
 */
export default function ConflictsLab() {
  const search = window.location.search;
  return (
    <div className="lab conflicts">
      <header className="lab-intro">
        <h1>Conflicts lab</h1>
        <p>When two replicas accept writes to the same key without hearing from each other, something has to decide what the key holds afterwards. Here you can watch three ways of deciding, on the same run.</p>
      </header>
      <VersionVectorPanel search={search} />
      <Suspense fallback={<p role="status">Loading the CRDT gallery…</p>}>
        <CrdtGallery search={search} />
        <LikeCounter search={search} />
      </Suspense>
    </div>
  );
}
