import '../../../sim/values/cart.ts';
import { useId, useMemo, useState } from 'react';
import { runCarts } from '../../../analysis/carts.ts';
import { CART_KEY, findCartStory } from '../../../content/cartStories.ts';
import type { Scenario } from '../../../sim/scenario.ts';
import { CartsNow } from '../../conflicts/ui/cart/CartsNow.tsx';
import { Ledger } from '../../conflicts/ui/cart/Ledger.tsx';

/** The conflicts lab's "cut off, then healed" cart, with a leader in each region instead of no leader at all. */
function twoRegions(): Scenario {
  const s = findCartStory('cut')!.scenario(1, 'cart-lww');
  return { ...s, cluster: { ...s.cluster, topology: 'multi-leader' } };
}

/**
 * Multi-leader replication: A leads the phone's region, B the laptop's (with C). Cut
 * apart, both take changes to the cart; healed, the leaders send each other what they
 * took, and each way of keeping the cart (the conflicts lab's three) resolves the conflict.
 */
export function TwoLeaders() {
  const id = useId();
  const outcomes = useMemo(() => runCarts(twoRegions(), CART_KEY), []);
  const [revealed, setRevealed] = useState(false);
  return (
    <section className="panel two-leaders" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Two leaders: both sides take writes, and conflict</h2>
      <p>
        With a leader in each region, each side keeps taking writes while the regions are cut apart: nothing waits and nothing is refused, and nothing orders the two sides’ writes either. Here
        A leads the phone’s region and B leads the laptop’s (with C as its follower), the links between regions take 300 to 500 ms, and from 1 s to 4.5 s the regions are cut apart while
        both devices change the cart. Once healed, each leader sends the other what it took, and the cart is merged by the conflicts lab’s three ways of keeping it. The tables follow the
        timeline above.
      </p>
      <p>
        In this lab the leaders are fixed, with no failover inside a region, and each leader answers its client at once. CouchDB, replicating both ways, keeps both conflicting revisions on
        both sides and shows one chosen the same way everywhere (the longer revision history, then the higher revision id), leaving the application to merge them: siblings, with a winner
        shown.
      </p>
      <CartsNow outcomes={outcomes} />
      <Ledger outcomes={outcomes} revealed={revealed} onReveal={() => setRevealed(true)} narrated={false} />
    </section>
  );
}
