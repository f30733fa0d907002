import { useId, useMemo, useRef, useState } from 'react';
import type { ActorRefFrom } from 'xstate';
import { runCarts, sameChange, type CartOutcome } from '../../../analysis/carts.ts';
import { isLoss, lwwOverwriter, skewAt, stampedLaterBecause, twoPhaseSetFinal, type LedgerRow, type Outcome } from '../../../check/cartLedger.ts';
import { ClusterView } from '../../../components/ClusterView.tsx';
import { Field } from '../../../components/Field.tsx';
import { Narrator } from '../../../components/Narrator.tsx';
import { StageControls } from '../../../components/StageControls.tsx';
import { useThrottledTime } from '../../../components/useThrottledTime.ts';
import { CART_KEY, CART_STORIES, DEVICES, ITEMS, type CartStory } from '../../../content/cartStories.ts';
import type { playbackMachine } from '../../../machines/playbackMachine.ts';
import type { NodeId } from '../../../sim/ids.ts';
import type { OpRecord } from '../../../sim/trace.ts';
import { CART_STORES, formatCart, type CartStrategyId, type OrSetVersion } from '../../../sim/values/cart.ts';
import type { LwwVersion } from '../../../sim/values/lww.ts';
import { historyOf, type MvState } from '../../../sim/values/mv.ts';
import { formatContext } from '../../../sim/values/causalContext.ts';
import type { OrSetState } from '../../../sim/values/crdt/orSet.ts';
import { selectRunVersion, selectScenario } from '../../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import { Timeline } from '../../../sim/timeline.ts';

const NAMES: Record<CartStrategyId, string> = {
  'cart-lww': 'Last write wins',
  'cart-mv': 'Siblings, merged by union',
  'cart-orset': 'OR-Set',
};

const DEVICE_NAME: Record<string, string> = Object.fromEntries(DEVICES.map((d) => [d.id, d.name.toLowerCase()]));

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The cart kept three ways on one run: the picture shows one of them live; the table
 * shows all three at the playhead; the ledger says what became of every change.
 */
export function CartSection({ playback, reducedMotion, onStory }: { playback: ActorRefFrom<typeof playbackMachine>; reducedMotion: boolean; onStory: (story: CartStory) => void }) {
  const id = useId();
  const store = useLabStoreApi();
  const scenario = useLab(selectScenario);
  const clusterRef = useRef<SVGSVGElement>(null);
  const outcomes = useMemo(() => runCarts(scenario, CART_KEY), [scenario]);
  const shown = scenario.cluster.strategy as CartStrategyId;
  // "Show the outcome now" holds for this run only; a new story or change hides it again.
  const [revealedFor, setRevealedFor] = useState<unknown>(null);
  // A story is the one on screen while the run is still exactly its script and clocks.
  const story = useMemo(
    () =>
      CART_STORIES.find((s) => {
        const mine = s.scenario(scenario.seed, shown);
        return JSON.stringify([mine.script, mine.cluster.skew]) === JSON.stringify([scenario.script, scenario.cluster.skew]);
      }),
    [scenario, shown],
  );

  const show = (strategy: CartStrategyId) => {
    const s = store.getState();
    s.load({ ...scenario, cluster: { ...scenario.cluster, strategy } }, s.time);
  };

  return (
    <section className="panel cart-section" id="cart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>The cart, three ways</h2>
      <p>
        A shop keeps each shopping cart on three replicas, A, B and C, in different datacenters; copying a change between them takes 0.3–0.5 s. Your phone talks to replica A and your laptop
        to replica B. The same changes, on the same network, go to three carts: one stored as a single value where the last write wins, one that keeps conflicting versions as
        siblings and merges them by union when read, and one that is an OR-Set.
      </p>
      <p className="small muted">
        The course tells of a retailer whose carts lost items this way on its busiest day: an item added on a phone vanished when a laptop, whose replica had not yet heard of it,
        wrote its own copy of the cart. The stories below are made up to show that mechanism; they make no claim about any real shop.
      </p>
      <div className="story-buttons" role="group" aria-label="Stories">
        {CART_STORIES.map((s) => (
          <button key={s.id} type="button" aria-pressed={s.id === story?.id} onClick={() => onStory(s)}>
            {s.button}
          </button>
        ))}
      </div>
      {story && <p className="story-text">{story.story}</p>}
      <div className="lab-grid">
        <div className="stage">
          <StageControls playback={playback} />
          <fieldset className="shown-cart">
            <legend>The picture shows</legend>
            {CART_STORES.map((s) => (
              <label key={s.id} className="check">
                <input type="radio" name={`${id}-shown`} checked={shown === s.id} onChange={() => show(s.id)} /> {NAMES[s.id]}
              </label>
            ))}
          </fieldset>
          <div className="picture">
            <ClusterView ref={clusterRef} reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} />
          </div>
        </div>
        <div className="side">
          <DeviceControls onChanged={() => playback.send({ type: 'playback.play' })} />
          <Narrator />
        </div>
      </div>
      <CartsNow outcomes={outcomes} />
      <Ledger outcomes={outcomes} revealed={revealedFor === scenario.script} onReveal={() => setRevealedFor(scenario.script)} />
      <HowTheyMerge />
    </section>
  );
}

/** Clock offsets a learner can give a replica, in ms. */
const CLOCK_OFFSETS = [-2000, -1000, -500, 0, 500, 1000, 1500, 2000];

function DeviceControls({ onChanged }: { onChanged: () => void }) {
  const store = useLabStoreApi();
  const t = useThrottledTime();
  useLab(selectRunVersion);
  const run = store.getState().run;
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
      <p className="small muted">Changes happen at the playhead. Acting in the past forks the run there.</p>
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

/** What each replica's cart holds at the playhead, for all three strategies. */
function CartsNow({ outcomes }: { outcomes: CartOutcome[] }) {
  const t = useThrottledTime();
  useLab(selectRunVersion);
  const timelines = useMemo(() => outcomes.map((o) => new Timeline(o.sim.trace)), [outcomes]);
  const replicas = outcomes[0]!.sim.ring;
  return (
    <div className="table-panel">
      <h3>The carts at t = {seconds(t)}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The carts at the playhead (scrolls sideways on a narrow screen)">
        <table>
          <caption className="visually-hidden">What each replica holds for each way of keeping the cart, at the playhead</caption>
          <thead>
            <tr>
              <th scope="col">Kept as</th>
              {replicas.map((r) => (
                <th key={r} scope="col">
                  Replica {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o, i) => (
              <tr key={o.strategy}>
                <th scope="row">{NAMES[o.strategy]}</th>
                {replicas.map((r) => (
                  <td key={r}>
                    <CartCell strategy={o.strategy} state={timelines[i]!.stateAt(r as NodeId, CART_KEY, Math.min(t, o.end))} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CartCell({ strategy, state }: { strategy: CartStrategyId; state: unknown }) {
  if (state === undefined) return <span className="muted">nothing yet</span>;
  const items = CART_STORES.find((s) => s.id === strategy)!.items(state);
  if (strategy === 'cart-lww') {
    const v = state as LwwVersion;
    return (
      <>
        {formatCart(items)}
        <span className="stamp">
          stamped {seconds(v.ts)} by {v.node}
        </span>
      </>
    );
  }
  if (strategy === 'cart-mv') {
    const siblings = state as MvState;
    if (siblings.length === 0) return <>{formatCart([])}</>;
    const versions = siblings.map((s) => `${s.value} ${formatContext(historyOf(s))}`).join(' and ');
    return siblings.length > 1 ? (
      <>
        {siblings.length} siblings, concurrent: {versions}
        <span className="stamp">the app shows their union, {formatCart(items)}</span>
      </>
    ) : (
      <>
        {formatCart(items)}
        <span className="stamp">version {formatContext(historyOf(siblings[0]!))}</span>
      </>
    );
  }
  const or = state as OrSetState;
  return (
    <>
      {formatCart(items)}
      <span className="stamp">
        tags: {or.entries.length === 0 ? 'none' : or.entries.map((e) => `${e.item} ${e.tag}`).join(', ')}
        {or.tombstones.length > 0 && `; removed tags: ${or.tombstones.join(', ')}`}
      </span>
    </>
  );
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  kept: 'kept',
  'removed-later': 'removed later, as asked',
  'added-later': 'added again later, as asked',
  lost: 'lost',
  undone: 'undone: the item came back',
  'add-wins': 'did what it saw, but an add it had not seen keeps the item (add wins)',
};

/** What became of every acknowledged change, for each cart, once the replicas agree. */
function Ledger({ outcomes, revealed, onReveal }: { outcomes: CartOutcome[]; revealed: boolean; onReveal: () => void }) {
  const id = useId();
  const t = useThrottledTime();
  const rows = outcomes[0]!.ledger;
  const settled = outcomes.every((o) => o.converged);
  const settledAt = Math.max(...outcomes.map((o) => o.settledAt));
  const orSetRun = outcomes.find((o) => o.strategy === 'cart-orset')!;
  const twoPhase = twoPhaseSetFinal(orSetRun.sim.trace.ops, CART_KEY);
  const heading = <h3 id={`${id}-title`}>What became of each change</h3>;
  if (rows.length === 0)
    return (
      <div className="table-panel">
        {heading}
        <p>No change has been acknowledged yet. Pick a story, or add something from the phone or the laptop.</p>
      </div>
    );
  if (!settled)
    return (
      <div className="table-panel ledger">
        {heading}
        <p role="status">The replicas still disagree at the end of the run: a link is still cut. Heal the network to see where each cart settles and what it kept.</p>
      </div>
    );
  // The outcome waits until the run has played out, unless the learner asks for it.
  if (!revealed && t < settledAt) {
    const made = outcomes[0]!.sim.trace.ops.filter((o) => o.kind === 'write' && o.invokedAt <= t).length;
    return (
      <div className="table-panel ledger">
        {heading}
        <p>
          This run makes {rows.length} change{rows.length === 1 ? '' : 's'} to the cart; {made} so far. Play it until the replicas agree (t = {seconds(settledAt)}) to see what each
          cart kept.
        </p>
        <button type="button" onClick={onReveal}>
          Show the outcome now
        </button>
      </div>
    );
  }
  return (
    <div className="table-panel ledger">
      {heading}
      <p role="status">{summary(outcomes)}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Ledger of changes (scrolls sideways on a narrow screen)">
        <table aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Change</th>
              {outcomes.map((o) => (
                <th key={o.strategy} scope="col">
                  {NAMES[o.strategy]}
                </th>
              ))}
              <th scope="col">2P-Set, same changes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const orRow = orSetRun.ledger.find((x) => sameChange(x.op, row.op));
              const twoPhaseRow = orRow && twoPhaseOutcome(orRow, twoPhase, orSetRun.ledger.slice(orSetRun.ledger.indexOf(orRow) + 1));
              return (
                <tr key={row.op.id}>
                  <th scope="row">{changeText(row.op, row)}</th>
                  {outcomes.map((o) => {
                    const r = o.ledger.find((x) => sameChange(x.op, row.op));
                    if (!r) return <td key={o.strategy}>not acknowledged in this run</td>;
                    return (
                      <td key={o.strategy} className={isLoss(r.outcome) ? 'lost' : 'kept'}>
                        <Mark lost={isLoss(r.outcome)} />
                        {OUTCOME_TEXT[r.outcome]}
                        {o.strategy === 'cart-lww' && isLoss(r.outcome) && <Culprit sim={o.sim} row={r} />}
                        {o.strategy === 'cart-orset' && <OrSetDetail version={r.op.version} />}
                      </td>
                    );
                  })}
                  <td key={`2p-${i}`} className={twoPhaseRow?.lost ? 'lost' : 'kept'}>
                    {twoPhaseRow && (
                      <>
                        <Mark lost={twoPhaseRow.lost} />
                        {twoPhaseRow.text}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="small">
        Final carts: {outcomes.map((o) => `${NAMES[o.strategy]} ${formatCart(o.final)}`).join('; ')}; 2P-Set {formatCart(twoPhase.final)}. The replicas agree from t ={' '}
        {seconds(settledAt)} at the latest.
      </p>
    </div>
  );
}

function Mark({ lost }: { lost: boolean }) {
  return <span aria-hidden="true">{lost ? '✗ ' : '✓ '}</span>;
}

function changeText(op: OpRecord, row: LedgerRow): string {
  return `t = ${seconds(op.invokedAt)}: ${row.change.type === 'add' ? 'add' : 'remove'} ${row.change.item} on the ${DEVICE_NAME[op.client] ?? op.client}`;
}

function Culprit({ sim, row }: { sim: CartOutcome['sim']; row: LedgerRow }) {
  const by = lwwOverwriter(sim.trace.ops, row.op);
  if (!by) return null;
  const mine = row.op.version as LwwVersion;
  const theirs = by.version as LwwVersion;
  let why = '';
  if (by.invokedAt < row.op.invokedAt) {
    // Made earlier, stamped later: a clock running ahead, or simply a slower way to its replica.
    const fast = stampedLaterBecause(sim.trace.events, by, row.op) === 'fast-clock';
    why = fast
      ? `, earlier, but stamped ${seconds(theirs.ts)} by ${theirs.node}’s fast clock against ${seconds(mine.ts)}`
      : `, earlier, but it reached replica ${theirs.node} later and was stamped ${seconds(theirs.ts)} against ${seconds(mine.ts)}`;
  }
  return (
    <span className="stamp">
      overwritten by the {DEVICE_NAME[by.client] ?? by.client}’s cart {theirs.value} written at t = {seconds(by.invokedAt)}
      {why}
    </span>
  );
}

function OrSetDetail({ version }: { version: unknown }) {
  const v = version as OrSetVersion | null;
  if (!v) return null;
  if (v.type === 'add') return <span className="stamp">tag {v.tag}</span>;
  return <span className="stamp">{v.observed.length === 0 ? 'saw no tags for it' : `deleted the tags it saw: ${v.observed.join(', ')}`}</span>;
}

/** The 2P-Set's column, judged from the OR-Set run's record of the same change. */
function twoPhaseOutcome(row: LedgerRow, twoPhase: ReturnType<typeof twoPhaseSetFinal>, after: readonly LedgerRow[]): { lost: boolean; text: string } {
  const { item } = row.change;
  if (row.change.type === 'remove') {
    if (twoPhase.ignoredRemoves.has(row.op)) return { lost: true, text: 'ignored: its replica had not seen the item added, and a 2P-Set removes only what it has seen' };
    return { lost: false, text: 'kept: removals stick for good' };
  }
  if (twoPhase.final.includes(item)) return { lost: false, text: 'kept' };
  const removedLater = after.some((r) => r.change.item === item && r.change.type === 'remove' && !twoPhase.ignoredRemoves.has(r.op));
  return removedLater ? { lost: false, text: 'removed later, as asked' } : { lost: true, text: 'gone for good: the item was removed once, and a 2P-Set cannot add it again' };
}

function summary(outcomes: CartOutcome[]): string {
  const parts = outcomes.map((o) => {
    const lost = o.ledger.filter((r) => r.outcome === 'lost').length;
    const undone = o.ledger.filter((r) => r.outcome === 'undone').length;
    if (lost === 0 && undone === 0) return `${NAMES[o.strategy]}: every change kept.`;
    const bits = [lost > 0 ? `${lost} add${lost === 1 ? '' : 's'} lost` : '', undone > 0 ? `${undone} remove${undone === 1 ? '' : 's'} undone` : ''].filter(Boolean);
    return `${NAMES[o.strategy]}: ${bits.join(' and ')}, silently.`;
  });
  return parts.join(' ');
}

function HowTheyMerge() {
  return (
    <details className="how-merge">
      <summary>How each cart merges</summary>
      <dl>
        <dt>Last write wins</dt>
        <dd>
          The cart is one value stamped with the clock of the replica that wrote it. When two versions meet, the higher stamp stays and the other disappears without a trace, with
          everything it added or removed. If a replica’s clock runs fast, its writes win even when they were made earlier.
        </dd>
        <dt>Siblings, merged by union</dt>
        <dd>
          Each version carries a version vector. Versions that did not see each other are both kept, as siblings; the app reads them all and shows their union, and its next change
          is made to that union and written with the context it read, which replaces them. Nothing added is lost, but a union cannot tell “removed” from “never there”, so a
          removal can be undone by a sibling that still holds the item.
        </dd>
        <dt>OR-Set</dt>
        <dd>
          Every add carries a unique tag (here the replica and its counter, like A3). A remove deletes only the tags its replica has seen and remembers them. An add made elsewhere at
          the same time has a tag the remove never saw, so it survives (add wins); adding an item again after removing it makes a new tag, so it can come back.
        </dd>
        <dt>2P-Set</dt>
        <dd>A set of added items and a set of removed items, both only growing. Simple, but once an item has been removed it can never be added again.</dd>
      </dl>
    </details>
  );
}
