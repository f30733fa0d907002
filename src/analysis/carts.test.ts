import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLoss, lwwOverwriter, twoPhaseSetFinal } from '../check/cartLedger.ts';
import { CART_KEY, CART_STORIES, cartScenario } from '../content/cartStories.ts';
import type { Action } from '../sim/scenario.ts';
import type { OpRecord } from '../sim/trace.ts';
import { parseCart, parseCartOp } from '../sim/values/cart.ts';
import { stampCompare, type LwwVersion } from '../sim/values/lww.ts';
import { runCarts, type CartOutcome } from './carts.ts';

const story = (id: string) => CART_STORIES.find((s) => s.id === id)!;
const byStrategy = (outcomes: CartOutcome[], id: string) => outcomes.find((o) => o.strategy === id)!;
const outcomes = (o: CartOutcome) => o.ledger.map((r) => `${r.change.type === 'add' ? '+' : '-'}${r.change.item} ${r.outcome}`);

/**
 * Independent of the simulation's replicas: under last write wins, once every write has
 * reached everyone, the cart is the one written with the highest stamp. From the history
 * alone, count the adds whose item is missing from it with no later remove, and the
 * removes whose item is back with no later add.
 */
function lwwLossesFromHistory(ops: readonly OpRecord[]): { final: string[]; losses: number } {
  const written = ops.filter((o) => o.kind === 'write' && o.version !== null);
  const winner = written.reduce<OpRecord | null>((best, o) => (best === null || stampCompare(o.version as LwwVersion, best.version as LwwVersion) > 0 ? o : best), null);
  const final = winner ? parseCart((winner.version as LwwVersion).value) : [];
  const acked = ops.filter((o) => o.kind === 'write' && o.outcome === 'ok').sort((a, b) => a.invokedAt - b.invokedAt || (a.id as number) - (b.id as number));
  let losses = 0;
  acked.forEach((o, i) => {
    const c = parseCartOp(o.value!);
    const later = acked.slice(i + 1).map((x) => parseCartOp(x.value!)).filter((x) => x.item === c.item);
    const present = final.includes(c.item);
    if (c.type === 'add' && !present && !later.some((x) => x.type === 'remove')) losses++;
    if (c.type === 'remove' && present && !later.some((x) => x.type === 'add')) losses++;
  });
  return { final, losses };
}

describe('the cart stories', () => {
  it('moments apart: last write wins loses the TV and undoes the removal; the union brings the headphones back; the OR-Set keeps every change', () => {
    const runs = runCarts(story('lag').scenario(1, 'cart-lww'), CART_KEY);
    for (const r of runs) expect(r.converged, r.strategy).toBe(true);
    const lww = byStrategy(runs, 'cart-lww');
    expect(lww.final).toEqual(['charger', 'headphones', 'laptop']);
    expect(outcomes(lww)).toEqual(['+headphones kept', '+tv lost', '+laptop kept', '-headphones undone', '+charger kept']);
    const tv = lww.ledger[1]!;
    const by = lwwOverwriter(lww.sim.trace.ops, tv.op)!;
    expect([by.client, by.invokedAt, by.value]).toEqual(['laptop', 1300, '+laptop']);
    const mv = byStrategy(runs, 'cart-mv');
    expect(mv.final).toEqual(['charger', 'headphones', 'laptop', 'tv']);
    expect(outcomes(mv).filter((o) => !o.endsWith('kept'))).toEqual(['-headphones undone']);
    const or = byStrategy(runs, 'cart-orset');
    expect(or.final).toEqual(['charger', 'laptop', 'tv']);
    expect(or.ledger.map((r) => r.outcome)).toEqual(['removed-later', 'kept', 'kept', 'kept', 'kept']);
    expect(twoPhaseSetFinal(or.sim.trace.ops)).toEqual(['charger', 'laptop', 'tv']);
  });

  it('cut off: last write wins keeps one side; the OR-Set keeps both', () => {
    const runs = runCarts(story('cut').scenario(4, 'cart-lww'), CART_KEY);
    for (const r of runs) expect(r.converged, r.strategy).toBe(true);
    expect(byStrategy(runs, 'cart-lww').ledger.filter((r) => isLoss(r.outcome)).length).toBeGreaterThanOrEqual(2);
    expect(byStrategy(runs, 'cart-orset').final).toEqual(['charger', 'laptop', 'tv']);
    expect(byStrategy(runs, 'cart-mv').final).toEqual(['charger', 'headphones', 'laptop', 'tv']);
  });

  it('a fast clock: the older write wins under last write wins, on the phone’s own replica too', () => {
    const runs = runCarts(story('skew').scenario(2, 'cart-lww'), CART_KEY);
    const lww = byStrategy(runs, 'cart-lww');
    expect(lww.final).toEqual(['laptop']);
    const tv = lww.ledger.find((r) => r.change.item === 'tv')!;
    expect(tv.outcome).toBe('lost');
    const by = lwwOverwriter(lww.sim.trace.ops, tv.op)!;
    expect(by.invokedAt).toBeLessThan(tv.op.invokedAt);
    expect(byStrategy(runs, 'cart-orset').final).toEqual(['laptop', 'tv']);
    expect(byStrategy(runs, 'cart-mv').final).toEqual(['laptop', 'tv']);
  });
});

const item = fc.constantFrom('tv', 'laptop', 'case');
const change = fc.record({ at: fc.integer({ min: 0, max: 4000 }), device: fc.constantFrom('phone', 'laptop'), add: fc.boolean(), item });
const script = fc.tuple(fc.array(change, { minLength: 1, maxLength: 12 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 100, max: 3000 })))).map(([changes, cut]) => {
  const actions: Action[] = changes.map((c) => ({ at: c.at, type: 'write', client: c.device, coordinator: c.device === 'phone' ? 'A' : 'B', key: CART_KEY, value: `${c.add ? '+' : '-'}${c.item}` }));
  if (cut) actions.push({ at: cut[0], type: 'partition', groups: [['A', 'phone'], ['B', 'C', 'laptop']] }, { at: cut[0] + cut[1], type: 'heal-all' });
  return actions.sort((a, b) => a.at - b.at);
});

describe('the ledger, on any script', () => {
  it('counts last write wins’ losses exactly as the history alone does, and every run converges', () => {
    fc.assert(
      fc.property(script, fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
        const runs = runCarts(cartScenario(seed, 'cart-lww', actions), CART_KEY);
        for (const r of runs) expect(r.converged, r.strategy).toBe(true);
        const lww = byStrategy(runs, 'cart-lww');
        const independent = lwwLossesFromHistory(lww.sim.trace.ops);
        expect(lww.final).toEqual([...independent.final].sort());
        expect(lww.ledger.filter((r) => isLoss(r.outcome)).length).toBe(independent.losses);
        // Every loss has a culprit stamped later.
        for (const r of lww.ledger.filter((x) => isLoss(x.outcome))) expect(lwwOverwriter(lww.sim.trace.ops, r.op)).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });

  it('siblings merged by union and the OR-Set never lose an add', () => {
    fc.assert(
      fc.property(script, fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
        const runs = runCarts(cartScenario(seed, 'cart-lww', actions), CART_KEY);
        for (const id of ['cart-mv', 'cart-orset']) expect(byStrategy(runs, id).ledger.filter((r) => r.outcome === 'lost')).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('remove and add at once', () => {
  it('the OR-Set lets the concurrent add win and brings the item back after a remove; a 2P-Set cannot', () => {
    const runs = runCarts(story('add-wins').scenario(3, 'cart-lww'), CART_KEY);
    const or = byStrategy(runs, 'cart-orset');
    expect(or.final).toEqual(['tv']);
    const removal = or.ledger[1]!;
    expect(removal.op.version).toEqual({ type: 'remove', item: 'tv', observed: ['A1'] });
    expect(or.ledger.map((r) => r.outcome)).toEqual(['kept', 'added-later', 'kept', 'added-later', 'kept']);
    expect(twoPhaseSetFinal(or.sim.trace.ops)).toEqual([]);
  });
});
