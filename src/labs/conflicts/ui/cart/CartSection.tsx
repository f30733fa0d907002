import { Suspense, lazy, useId, useMemo, useRef, useState } from 'react';
import { useScenes } from '../../../../components/useScenes.ts';
import { CART_NAMES } from './cartWords.ts';
import { runCarts } from '../../../../analysis/carts.ts';
// The carts' words, registered beside their strategies: only this lab loads either.
import '../../../../view/cartValueWords.ts';
import { skewAt } from '../../../../check/clocks.ts';
import { ClusterView } from '../../../../components/ClusterView.tsx';
import { Field } from '../../../../components/Field.tsx';
import { Narrator } from '../../../../components/Narrator.tsx';
import { StageControls } from '../../../../components/StageControls.tsx';
import { TimelineScrubber } from '../../../../components/TimelineScrubber.tsx';
import { useThrottledTime } from '../../../../components/useThrottledTime.ts';
import { CART_KEY, CART_STORIES, DEVICES, ITEMS, type CartStory } from '../../../../content/cartStories.ts';
import type { PlaybackHandle } from '../../../../components/playbackHandle.ts';
import { CART_STORES, type CartStrategyId } from '../../../../sim/values/cart.ts';
import { selectRun, selectScenario } from '../../../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../../../store/LabStoreContext.tsx';

/** Below the carts table: the ledger loads just after the first screen. */
const Ledger = lazy(() => import('./Ledger.tsx').then((m) => ({ default: m.Ledger })));
const HowTheyMerge = lazy(() => import('./Ledger.tsx').then((m) => ({ default: m.HowTheyMerge })));
/** Below the picture: every replica's cart at the playhead loads just after the first screen. */
const CartsNow = lazy(() => import('./CartsNow.tsx').then((m) => ({ default: m.CartsNow })));

/**
 * The cart kept three ways on one run: the picture shows one of them live; the table
 * shows all three at the playhead; the ledger says what became of every change.
 */
export function CartSection({ playback, reducedMotion, onStory }: { playback: PlaybackHandle; reducedMotion: boolean; onStory: (story: CartStory) => void }) {
  const id = useId();
  const store = useLabStoreApi();
  const scenario = useLab(selectScenario);
  const clusterRef = useRef<SVGSVGElement>(null);
  const outcomes = useMemo(() => runCarts(scenario, CART_KEY), [scenario]);
  const shown = scenario.cluster.strategy as CartStrategyId;
  // "Show the outcome now" holds for this run only; a new story or change hides it again.
  const [revealedFor, setRevealedFor] = useState<unknown>(null);
  // A story is the one on screen while its clocks are the run's and every change it
  // scripts is still in the run: what the learner adds beside it does not end it.
  const story = useMemo(() => {
    const inRun = new Set(scenario.script.map((a) => JSON.stringify(a)));
    return CART_STORIES.find((s) => {
      const its = s.scenario(scenario.seed, shown);
      return JSON.stringify(its.cluster.skew) === JSON.stringify(scenario.cluster.skew) && its.script.every((a) => inRun.has(JSON.stringify(a)));
    });
  }, [scenario, shown]);

  // The stories are the scenes a presenter's keys and a host's presets step through.
  useScenes('stories', CART_STORIES, story ? CART_STORIES.indexOf(story) : -1, (i) => onStory(CART_STORIES[i]!));

  const show = (strategy: CartStrategyId) => {
    const s = store.getState();
    s.load({ ...scenario, cluster: { ...scenario.cluster, strategy } }, s.time);
  };

  return (
    <section className="panel cart-section" id="cart" aria-labelledby={`${id}-title`}>
      {/* The tab above already says so on screen; the heading names the section for a screen reader. */}
      <h2 id={`${id}-title`} className="visually-hidden">
        The cart, three ways
      </h2>
      <div className="lab-grid">
        <div className="controls">
          <p className="small lead">
            One cart on replicas A, B and C; the phone writes through A, the laptop through B. Pick a story, or change the cart yourself, and watch what each way of resolving conflicts keeps.
          </p>
        <div className="story-buttons" role="group" aria-label="Stories">
          {CART_STORIES.map((s) => (
            <button key={s.id} type="button" aria-pressed={s.id === story?.id} onClick={() => onStory(s)}>
              {s.button}
            </button>
          ))}
        </div>
        {story && (
          <p className="story-text">
            {story.story}
            {/* The story's words describe its own changes: with the learner's beside them, they may no longer hold. */}
            {scenario.script.length > story.scenario(scenario.seed, shown).script.length && (
              <span className="story-changed"> You have changed this run; the story describes it without your changes.</span>
            )}
          </p>
        )}
          <Narrator />
          <DeviceControls onChanged={() => playback.send({ type: 'playback.play' })} />
          {/* The shop's whole story, below the buttons that act on it: the picture shows its three replicas and two devices. */}
          <details className="panel about-shop">
            <summary>The shop, its three carts, and what is made up</summary>
            <p>
              A shop keeps each shopping cart on three replicas, A, B and C, in different datacenters; copying a change between them takes 0.3–0.5 s. Your phone talks to replica A and your laptop
              to replica B. The same changes, on the same network, go to three carts: one stored as a single value where the last write wins, one that keeps conflicting versions as
              siblings and merges them by union when read, and one that is an OR-Set.
            </p>
            <p className="small muted">
              Imagine a retailer whose carts lose items this way on its busiest day: an item added on a phone vanishes when a laptop, whose replica has not yet heard of it, writes
              its own copy of the cart. That retailer, and these stories, are made up to show the mechanism; they make no claim about any real shop.
            </p>
          </details>
        </div>
        <div className="stage">
          <StageControls playback={playback} />
          <fieldset className="shown-cart">
            <legend>The picture shows</legend>
            {CART_STORES.map((s) => (
              <label key={s.id} className="check">
                <input type="radio" name={`${id}-shown`} checked={shown === s.id} onChange={() => show(s.id)} /> {CART_NAMES[s.id]}
              </label>
            ))}
          </fieldset>
          <div className="picture">
            <ClusterView ref={clusterRef} reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} />
          </div>
          <TimelineScrubber playback={playback} />
        </div>

      </div>
      <Suspense fallback={<p role="status">Loading the carts table…</p>}>
        <CartsNow outcomes={outcomes} />
      </Suspense>
      <Suspense fallback={<p role="status">Loading the ledger…</p>}>
        <Ledger outcomes={outcomes} revealed={revealedFor === scenario.script} onReveal={() => setRevealedFor(scenario.script)} />
        <HowTheyMerge />
      </Suspense>
    </section>
  );
}

/** Clock offsets a learner can give a replica, in ms. */
const CLOCK_OFFSETS = [-2000, -1000, -500, 0, 500, 1000, 1500, 2000];

function DeviceControls({ onChanged }: { onChanged: () => void }) {
  const store = useLabStoreApi();
  const t = useThrottledTime();
  const run = useLab(selectRun);
  // Each clock's offset at the playhead, from the run's events.
  const skews: Record<string, number> = Object.fromEntries(DEVICES.map((d) => [d.replica, skewAt(run.sim.trace.events, d.replica, t)]));
  const [items, setItems] = useState<Record<string, string>>({ phone: 'tv', laptop: 'laptop' });
  const change = (device: (typeof DEVICES)[number], type: '+' | '-') => {
    store.getState().act({ type: 'write', client: device.id, coordinator: device.replica, key: CART_KEY, value: `${type}${items[device.id]}` });
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="cart-devices-title">
      <h3 id="cart-devices-title">Change the cart</h3>
      <p className="small muted">
        Changes happen at the playhead. If you act with the playhead in the past, your own changes scheduled after it are dropped (Undo brings them back); the story’s changes still happen at
        their times.
      </p>
      {DEVICES.map((d) => (
        <fieldset key={d.id} className="device">
          <legend>
            {d.name} (through replica {d.replica})
          </legend>
          <div className="field-row">
            <Field label="Item">
              {(fieldId) => (
                <select id={fieldId} value={items[d.id]} onChange={(e) => setItems({ ...items, [d.id]: e.target.value })}>
                  {ITEMS.map((item) => (
                    <option key={item}>{item}</option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" onClick={() => change(d, '+')} aria-label={`Add to the cart from the ${d.name.toLowerCase()}`}>
              Add
            </button>
            <button type="button" onClick={() => change(d, '-')} aria-label={`Remove from the cart from the ${d.name.toLowerCase()}`}>
              Remove
            </button>
          </div>
        </fieldset>
      ))}
      <fieldset className="device">
        <legend>Replica clocks, from the playhead on</legend>
        <div className="field-row">
          {DEVICES.map((d) => (
            <Field key={d.replica} label={`Replica ${d.replica}’s clock`}>
              {(fieldId) => (
                <select id={fieldId} value={skews[d.replica] ?? 0} onChange={(e) => store.getState().act({ type: 'set-skew', node: d.replica, ms: Number(e.target.value) })}>
                  {CLOCK_OFFSETS.map((ms) => (
                    <option key={ms} value={ms}>
                      {ms === 0 ? 'right' : `${Math.abs(ms) / 1000} s ${ms > 0 ? 'fast' : 'slow'}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <button type="button" onClick={() => store.getState().act({ type: 'partition', groups: [['A', 'phone'], ['B', 'C', 'laptop']] })}>
          Cut A (and the phone) off
        </button>
        <button type="button" onClick={() => store.getState().act({ type: 'heal-all' })}>
          Heal the network
        </button>
      </div>
    </section>
  );
}
