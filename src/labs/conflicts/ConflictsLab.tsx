import '../../components/components.css';
import { BoardDisclosure } from '../../components/monitoring/BoardDisclosure.tsx';
import { IntroText } from '../../components/IntroText.tsx';
import './conflicts.css';
import { Suspense, lazy, useState } from 'react';
import { useLabPlayback } from '../../components/useLabPlayback.ts';
import { usePrefersReducedMotion } from '../../components/usePrefersReducedMotion.ts';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import type { CartStory } from '../../content/cartStories.ts';
import { hasRunParam, readParams } from '../../embed/params.ts';
import { addressNotice } from '../../store/notices.ts';
import { openLinkedRun } from '../../controller/linkedRun.ts';
import { SLICED } from '../../controller/slices.ts';
import { createLabStore } from '../../store/labStore.ts';
import type { CartStrategyId } from '../../sim/values/cart.ts';
import { LabStoreProvider } from '../../store/LabStoreContext.tsx';
import { CartSection } from './ui/cart/CartSection.tsx';
import { CART_SETTINGS } from './model/conflictsParams.ts';


/** Below the lab's own panels: loads just after the first screen. */
const SpectrumLink = lazy(() => import('../../components/SpectrumLink.tsx').then((m) => ({ default: m.SpectrumLink })));
export const CONFLICTS_ID = 'conflicts';

/** Below the fold: the comparer, the gallery and the exercise load just after the first screen. */
const VersionVectorPanel = lazy(() => import('./ui/vv/VersionVectorPanel.tsx').then((m) => ({ default: m.VersionVectorPanel })));
const CrdtGallery = lazy(() => import('./ui/gallery/CrdtGallery.tsx').then((m) => ({ default: m.CrdtGallery })));
const LikeCounter = lazy(() => import('./ui/likes/LikeCounter.tsx').then((m) => ({ default: m.LikeCounter })));

/**
 * The lab's start: a shared run, else ?story=&seed=, else the first story. Every value in
 * the address it cannot use is told in the notice bar: the cart's at once, the panels'
 * (gallery, like counter, vectors) added when their declarations arrive with the panels.
 */
function initialStore(search: string) {
  const linked = hasRunParam(search);
  // Beside a run, story and seed are not read: the run holds what they would set.
  const { values, problems } = readParams(CART_SETTINGS, linked ? '' : search);
  const store = createLabStore(values.story.scenario(values.seed, 'cart-lww'), 0, SLICED);
  // Everything the address could not give, told together as each part arrives: the cart's
  // settings now, the shared run with its codec, the panels' with the panels.
  const told = [...problems];
  let offer: Parameters<typeof addressNotice>[1] = null;
  const tell = () => store.getState().setNotice(addressNotice(told, offer));
  if (told.length > 0) tell();
  openLinkedRun(
    search,
    () => import('./model/cartLink.ts').then((m) => m.CART_PARAMS),
    ({ values: all, given, problems: later, offers }) => {
      const { run } = all;
      told.push(...later);
      offer = offers.run ?? null;
      const notice = told.length > 0 ? addressNotice(told, offer) : run && given.has('story') ? ({ kind: 'info', text: 'This link holds a whole run, so its story= setting was not used.' } as const) : null;
      if (run) store.getState().load(run.scenario, run.time, notice);
      else store.getState().load(all.story.scenario(all.seed, 'cart-lww'), 0, notice);
    },
    (why) => store.getState().setNotice({ kind: 'error', text: why }),
  );
  void import('./model/panelParams.ts').then(({ PANEL_PARAMS }) => {
    const later = readParams(PANEL_PARAMS, search).problems;
    told.push(...later);
    if (later.length > 0) tell();
  });
  return store;
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
          <IntroText>
            When replicas accept writes to the same key without hearing from each other, something must decide what the key holds once they meet. Watch three ways of deciding
            on one run, take version vectors apart, and try the data types that make the question go away.
          </IntroText>
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
        <p className="spectrum-link-row">
          <Suspense fallback={null}>
              <SpectrumLink />
            </Suspense>
            <BoardDisclosure />
        </p>
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
