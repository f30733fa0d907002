import './cartTables.css';
import { Suspense, lazy, useMemo } from 'react';
import type { CartOutcome } from '../../../../analysis/carts.ts';
import { useThrottledTime } from '../../../../components/useThrottledTime.ts';
import { CART_KEY } from '../../../../content/cartStories.ts';
import type { NodeId } from '../../../../sim/ids.ts';
import { CART_STORES, formatCart, type CartStrategyId } from '../../../../sim/values/cart.ts';
import { formatContext } from '../../../../sim/values/causalContext.ts';
import type { OrSetState } from '../../../../sim/values/crdt/orSet.ts';
import type { LwwVersion } from '../../../../sim/values/lww.ts';
import { historyOf, type MvState } from '../../../../sim/values/mv.ts';
import { Timeline } from '../../../../sim/timeline.ts';
import { CART_NAMES, seconds } from './cartWords.ts';

/** The key to the version notation, shut until opened: its words load when this table does. */
const VersionNotation = lazy(() => import('../VersionNotation.tsx').then((m) => ({ default: m.VersionNotation })));

/** What each replica's cart holds at the playhead, for all three strategies. */
export function CartsNow({ outcomes }: { outcomes: CartOutcome[] }) {
  // The three runs are simulated to their end up front: only the playhead moves here.
  const t = useThrottledTime();
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
                <th scope="row">{CART_NAMES[o.strategy]}</th>
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
      <Suspense fallback={null}>
        <VersionNotation />
      </Suspense>
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

