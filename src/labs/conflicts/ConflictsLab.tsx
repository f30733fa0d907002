import '../../components/components.css';
import './conflicts.css';
import { Suspense, lazy, useState } from 'react';
import { useLabPlayback } from '../../app/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../app/usePrefersReducedMotion.ts';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { CART_KEY, CART_STORIES, DEVICES, findCartStory, type CartStory } from '../../content/cartStories.ts';
import type { Scenario } from '../../sim/scenario.ts';
import { runFromSearch } from '../../embed/urlCodec.ts';
import { safeText } from '../../sim/schema.ts';
import { createLabStore } from '../../store/labStore.ts';
import { CART_STORES, type CartStrategyId } from '../../sim/values/cart.ts';
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
  const params = new URLSearchParams(search);
  const unfit = run ? cartRunProblem(run.scenario) : null;
  if (run && !unfit) {
    const store = createLabStore(run.scenario, run.time);
    if (params.has('story')) store.getState().setNotice({ kind: 'info', text: 'This link holds a whole run, so its story= setting was not used.' });
    return store;
  }
  const problems: string[] = error ? [`${error} The lab started from its first story instead.`] : unfit ? [`${unfit} The lab started from its first story instead.`] : [];
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
 * Why a run from a link cannot be a cart run here, or null if it can: it must keep the
 * cart one of the three ways, with the phone and the laptop, and change only items with
 * plain names (a name with ", " in it would read back as two items).
 */
function cartRunProblem(scenario: Scenario): string | null {
  if (!CART_STORES.some((s) => s.id === scenario.cluster.strategy)) return 'This link’s run is not a cart run (it comes from another lab).';
  if (!DEVICES.every((d) => scenario.cluster.clients.includes(d.id)) || scenario.cluster.replicas < 3) return 'This link’s run does not have the phone, the laptop and replicas A, B and C.';
  for (const a of scenario.script) {
    if (a.type !== 'write') continue;
    if (a.key !== CART_KEY || !/^[+-][a-z0-9-]{1,20}$/.test(a.value)) return `This link’s run changes the cart in a way the lab does not know (${safeText(a.key.slice(0, 20))}: ${safeText(a.value.slice(0, 24))}).`;
  }
  return null;
}

/**
 * The conflicts lab: the same cart kept three ways (last write wins, siblings merged by
 * union, an OR-Set), version vectors up close, and a gallery of CRDTs.
 */
export default function ConflictsLab() {
  const search = window.location.search;
  const [store] = useState(() => initialStore(search));
  const { playback, controller } = useLabPlayback(store, CONFLICTS_ID);
  const reducedMotion = usePrefersReducedMotion();
  const loadStory = (story: CartStory) => {
    const s = store.getState();
    playback.send({ type: 'playback.pause' });
    s.load(story.scenario(s.run.scenario.seed, s.run.scenario.cluster.strategy as CartStrategyId), 0);
  };

  return (
    <LabStoreProvider store={store} controller={controller}>
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
