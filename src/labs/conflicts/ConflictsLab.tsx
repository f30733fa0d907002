import '../../components/components.css';
import './conflicts.css';
import { Suspense, lazy, useState } from 'react';
import { useLabPlayback } from '../../app/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../app/usePrefersReducedMotion.ts';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { CART_STORIES, findCartStory, type CartStory } from '../../content/cartStories.ts';
import { runFromSearch } from '../../embed/urlCodec.ts';
import { safeText } from '../../sim/schema.ts';
import { createLabStore } from '../../store/labStore.ts';
import type { CartStrategyId } from '../../sim/values/cart.ts';
import { LabStoreProvider } from '../../store/LabStoreContext.tsx';
import { CartSection } from './cart/CartSection.tsx';

export const CONFLICTS_ID = 'conflicts';

/** Below the fold: the comparer, the gallery and the exercise load just after the first screen. */
const VersionVectorPanel = lazy(() => import('./vv/VersionVectorPanel.tsx').then((m) => ({ default: m.VersionVectorPanel })));
const CrdtGallery = lazy(() => import('./gallery/CrdtGallery.tsx').then((m) => ({ default: m.CrdtGallery })));
const LikeCounter = lazy(() => import('./gallery/LikeCounter.tsx').then((m) => ({ default: m.LikeCounter })));

const MAX_SEED = 2 ** 31 - 1;

/** The lab's start: a shared run, else ?story=&seed=, else the first story. */
function initialStore(search: string) {
  const { run, error } = runFromSearch(search);
  if (run) return createLabStore(run.scenario, run.time);
  const params = new URLSearchParams(search);
  const problems: string[] = error ? [`${error} The lab started from its first story instead.`] : [];
  const storyParam = params.get('story');
  let story = findCartStory(storyParam);
  if (storyParam !== null && !story) problems.push(`There is no story called “${safeText(storyParam.slice(0, 40))}”; the stories are ${CART_STORIES.map((s) => s.id).join(', ')}. Showing “${CART_STORIES[0]!.title}”.`);
  story ??= CART_STORIES[0]!;
  const seedParam = params.get('seed');
  let seed = 1;
  if (seedParam !== null) {
    const n = Number(seedParam);
    if (Number.isInteger(n) && n >= 0 && n <= MAX_SEED) seed = n;
    else problems.push(`seed=${safeText(seedParam.slice(0, 20))} is not a whole number from 0 to ${MAX_SEED}; using seed 1.`);
  }
  const store = createLabStore(story.scenario(seed, 'cart-lww'));
  if (problems.length > 0) store.getState().setNotice({ kind: 'error', text: problems.join(' ') });
  return store;
}

/**
 * The conflicts lab: the same cart kept three ways (last write wins, siblings merged by
 * union, an OR-Set), version vectors up close, and a gallery of CRDTs.
 */
export default function ConflictsLab() {
  const search = window.location.search;
  const [store] = useState(() => initialStore(search));
  const playback = useLabPlayback(store, CONFLICTS_ID);
  const reducedMotion = usePrefersReducedMotion();
  const loadStory = (story: CartStory) => {
    const s = store.getState();
    playback.send({ type: 'playback.pause' });
    s.load(story.scenario(s.run.scenario.seed, s.run.scenario.cluster.strategy as CartStrategyId), 0);
  };

  return (
    <LabStoreProvider store={store}>
      <div className="lab conflicts">
        <header className="lab-intro">
          <h1>Conflicts lab</h1>
          <p>
            When replicas accept writes to the same key without hearing from each other, something must decide what the key holds once they meet. Watch three ways of deciding
            on one run, take version vectors apart, and try the data types that make the question go away.
          </p>
          <nav aria-label="On this page">
            <ul className="page-links">
              <li>
                <a href="#cart">The cart, three ways</a>
              </li>
              <li>
                <a href="#vv">Version vectors</a>
              </li>
              <li>
                <a href="#gallery">CRDT gallery</a>
              </li>
              <li>
                <a href="#likes">Like counter</a>
              </li>
            </ul>
          </nav>
        </header>
        <NoticeBar />
        <CartSection playback={playback} reducedMotion={reducedMotion} onStory={loadStory} />
        <Suspense fallback={<p role="status">Loading version vectors and the CRDT gallery…</p>}>
          <div id="vv">
            <VersionVectorPanel search={search} />
          </div>
          <div id="gallery">
            <CrdtGallery search={search} />
          </div>
          <div id="likes">
            <LikeCounter search={search} />
          </div>
        </Suspense>
      </div>
    </LabStoreProvider>
  );
}
