import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockWords, isLoss, ledgerOf, lwwOverwriter, stampedLaterBecause, twoPhaseSetFinal } from '../check/cartLedger.ts';
import { skewAt } from '../check/clocks.ts';
import { CART_KEY, CART_STORIES, cartScenario } from '../content/cartStories.ts';
import type { Action } from '../sim/scenario.ts';
import type { OpRecord } from '../sim/trace.ts';
import { parseCart, parseCartOp, type OrSetVersion } from '../sim/values/cart.ts';
import { stampCompare, type LwwVersion } from '../sim/values/lww.ts';
import { runCarts, type CartOutcome } from './carts.ts';

const story = (id: string) => CART_STORIES.find((s) => s.id === id)!;
const byStrategy = (outcomes: CartOutcome[], id: string) => outcomes.find((o) => o.strategy === id)!;
const outcomes = (o: CartOutcome) => ledgerOf(o).map((r) => `${r.change.type === 'add' ? '+' : '-'}${r.change.item} ${r.outcome}`);

/**
 * Last write wins' losses from the history alone, without the simulation's replicas and
 * without the ledger's code. Once every write has reached everyone, a last-write-wins
 * register has in effect gone through all writes in stamp order. Lay them out in that
 * order; a change held if the cart just before the learner's next change to the same
 * item (the next one stamped after it) agrees with it, or, with no such change, if the
 * last cart in the chain does.
 */
function lwwLossesFromHistory(ops: readonly OpRecord[]): { final: string[]; lost: Set<OpRecord> } {
  const chain = ops.filter((o) => o.kind === 'write' && o.version !== null).sort((a, b) => stampCompare(a.version as LwwVersion, b.version as LwwVersion));
  const cartAt = (i: number) => (i < 0 ? [] : parseCart((chain[i]!.version as LwwVersion).value));
  const final = cartAt(chain.length - 1);
  const acked = ops.filter((o) => o.kind === 'write' && o.outcome === 'ok').sort((a, b) => a.invokedAt - b.invokedAt || (a.id as number) - (b.id as number));
  const lost = new Set<OpRecord>();
  acked.forEach((o, i) => {
    const c = parseCartOp(o.value!);
    const position = chain.indexOf(o);
    const next = acked.slice(i + 1).find((x) => parseCartOp(x.value!).item === c.item && chain.indexOf(x) > position);
    const judged = next ? cartAt(chain.indexOf(next) - 1) : final;
    if (judged.includes(c.item) !== (c.type === 'add')) lost.add(o);
  });
  return { final, lost };
}

describe('the cart stories', () => {
  it('moments apart: last write wins loses the TV and undoes the removal; the union brings the headphones back; the OR-Set keeps every change', () => {
    const runs = runCarts(story('lag').scenario(1, 'cart-lww'), CART_KEY);
    for (const r of runs) expect(r.converged, r.strategy).toBe(true);
    const lww = byStrategy(runs, 'cart-lww');
    expect(lww.final).toEqual(['charger', 'headphones', 'laptop']);
    expect(outcomes(lww)).toEqual(['+headphones removed-later', '+tv lost', '+laptop kept', '-headphones undone', '+charger kept']);
    const tv = ledgerOf(lww)[1]!;
    const by = lwwOverwriter(lww.sim.trace.ops, tv.op)!;
    expect([by.client, by.invokedAt, by.value]).toEqual(['laptop', 1300, '+laptop']);
    const mv = byStrategy(runs, 'cart-mv');
    expect(mv.final).toEqual(['charger', 'headphones', 'laptop', 'tv']);
    expect(outcomes(mv).filter((o) => !o.endsWith('kept'))).toEqual(['-headphones undone']);
    const or = byStrategy(runs, 'cart-orset');
    expect(or.final).toEqual(['charger', 'laptop', 'tv']);
    expect(ledgerOf(or).map((r) => r.outcome)).toEqual(['removed-later', 'kept', 'kept', 'kept', 'kept']);
    expect(twoPhaseSetFinal(or.sim.trace.ops, CART_KEY).final).toEqual(['charger', 'laptop', 'tv']);
  });

  it('cut off: last write wins keeps one side; the OR-Set keeps both', () => {
    const runs = runCarts(story('cut').scenario(4, 'cart-lww'), CART_KEY);
    for (const r of runs) expect(r.converged, r.strategy).toBe(true);
    expect(ledgerOf(byStrategy(runs, 'cart-lww')).filter((r) => isLoss(r.outcome)).length).toBeGreaterThanOrEqual(2);
    expect(byStrategy(runs, 'cart-orset').final).toEqual(['charger', 'laptop', 'tv']);
    expect(byStrategy(runs, 'cart-mv').final).toEqual(['charger', 'headphones', 'laptop', 'tv']);
  });

  it('a fast clock: the older write wins under last write wins, on the phone’s own replica too', () => {
    const runs = runCarts(story('skew').scenario(2, 'cart-lww'), CART_KEY);
    const lww = byStrategy(runs, 'cart-lww');
    expect(lww.final).toEqual(['laptop']);
    const tv = ledgerOf(lww).find((r) => r.change.item === 'tv')!;
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
        // Row by row, not just the count.
        for (const r of ledgerOf(lww)) expect(isLoss(r.outcome), `op ${r.op.id}`).toBe(independent.lost.has(r.op));
        // Every loss has a culprit stamped later.
        for (const r of ledgerOf(lww).filter((x) => isLoss(x.outcome))) expect(lwwOverwriter(lww.sim.trace.ops, r.op)).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });

  it('siblings merged by union never lose an add; the OR-Set’s verdicts agree with its final state', () => {
    fc.assert(
      fc.property(script, fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
        const runs = runCarts(cartScenario(seed, 'cart-lww', actions), CART_KEY);
        expect(ledgerOf(byStrategy(runs, 'cart-mv')).filter((r) => r.outcome === 'lost')).toEqual([]);
        const or = byStrategy(runs, 'cart-orset');
        const removedTags = new Set(ledgerOf(or).flatMap((r) => (r.op.version as OrSetVersion).type === 'remove' ? (r.op.version as { observed: string[] }).observed : []));
        for (const r of ledgerOf(or)) {
          const v = r.op.version as OrSetVersion;
          // An add that is gone was deleted by a remove that had seen its tag: never lost.
          if (v.type === 'add' && r.outcome === 'removed-later') expect(removedTags.has(v.tag), `tag ${v.tag}`).toBe(true);
          if (v.type === 'add' && r.outcome === 'kept') expect(or.final).toContain(v.item);
          if (v.type === 'remove' && r.outcome === 'kept') expect(or.final).not.toContain(v.item);
          expect(isLoss(r.outcome)).toBe(false);
        }
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
    const removal = ledgerOf(or)[2]!;
    expect(removal.op.version).toEqual({ type: 'remove', item: 'tv', observed: ['A1'] });
    // Each add is its tag: A1 was deleted by the laptop's removal, which never saw A2 (add
    // wins); A2 by the phone's own removal, which is followed by a new add.
    expect(ledgerOf(or).map((r) => r.outcome)).toEqual(['removed-later', 'removed-later', 'add-wins', 'added-later', 'kept']);
    expect(twoPhaseSetFinal(or.sim.trace.ops, CART_KEY).final).toEqual([]);
  });
});

describe('each change judged on its own', () => {
  const change = (at: number, device: 'phone' | 'laptop', value: string): Action => ({ at, type: 'write', client: device, coordinator: device === 'phone' ? 'A' : 'B', key: CART_KEY, value });

  it('an add that last write wins lost counts as lost even if the item is added again later', () => {
    const runs = runCarts(cartScenario(1, 'cart-lww', [change(1200, 'phone', '+tv'), change(1300, 'laptop', '+laptop'), change(3000, 'phone', '+tv')]), CART_KEY);
    const lww = byStrategy(runs, 'cart-lww');
    expect(lww.final).toEqual(['laptop', 'tv']);
    expect(ledgerOf(lww).map((r) => r.outcome)).toEqual(['lost', 'kept', 'kept']);
  });

  it('blames clocks only when they differ, and names the one that is off: fast there or slow here', () => {
    // The laptop's hop to B takes 100 ms: its write at 1000 ms is stamped after the phone's at 1008 ms.
    const base = cartScenario(2, 'cart-lww', [change(1000, 'laptop', '+laptop'), change(1008, 'phone', '+tv')]);
    const slowHop = { ...base, network: { ...base.network, links: [...base.network.links.filter((l) => l.from !== 'laptop'), { from: 'laptop', to: 'B', latency: { kind: 'constant', ms: 100 } as const }] } };
    const plain = byStrategy(runCarts(slowHop, CART_KEY), 'cart-lww');
    const lost = ledgerOf(plain).find((r) => r.outcome === 'lost')!;
    const by = lwwOverwriter(plain.sim.trace.ops, lost.op)!;
    expect(by.invokedAt).toBeLessThan(lost.op.invokedAt);
    expect(stampedLaterBecause(plain.sim.trace.events, by, lost.op)).toBe('slower-hop');
    const skewed = byStrategy(runCarts(story('skew').scenario(2, 'cart-lww'), CART_KEY), 'cart-lww');
    const tv = ledgerOf(skewed).find((r) => r.change.item === 'tv')!;
    expect(stampedLaterBecause(skewed.sim.trace.events, lwwOverwriter(skewed.sim.trace.ops, tv.op)!, tv.op)).toBe('clocks');
    // A's clock 2 s slow, B's right: the phone's later write through A is stamped below the laptop's.
    const slowA = byStrategy(runCarts(cartScenario(2, 'cart-lww', [{ at: 0, type: 'set-skew', node: 'A', ms: -2000 }, change(1000, 'laptop', '+laptop'), change(2000, 'phone', '+tv')]), CART_KEY), 'cart-lww');
    const lostTv = ledgerOf(slowA).find((r) => r.change.item === 'tv')!;
    expect(lostTv.outcome).toBe('lost');
    const culprit = lwwOverwriter(slowA.sim.trace.ops, lostTv.op)!;
    expect(stampedLaterBecause(slowA.sim.trace.events, culprit, lostTv.op)).toBe('clocks');
    expect([clockWords(skewAt(slowA.sim.trace.events, 'B', culprit.invokedAt)), clockWords(skewAt(slowA.sim.trace.events, 'A', lostTv.op.invokedAt))]).toEqual(['is right', 'runs 2 s slow']);
  });

  it('a 2P-Set ignores the removal of an item its replica has not seen added', () => {
    const or = byStrategy(runCarts(cartScenario(1, 'cart-lww', [change(500, 'phone', '-tv'), change(1500, 'phone', '+tv')]), CART_KEY), 'cart-orset');
    const twoPhase = twoPhaseSetFinal(or.sim.trace.ops, CART_KEY);
    expect(twoPhase.final).toEqual(['tv']);
    expect(twoPhase.ignoredRemoves.size).toBe(1);
  });

  it('an OR-Set remove that missed a concurrent add did what it saw: add wins, not a loss', () => {
    const or = byStrategy(runCarts(cartScenario(1, 'cart-lww', [change(300, 'phone', '+tv'), change(1500, 'phone', '+tv'), change(1510, 'laptop', '-tv')]), CART_KEY), 'cart-orset');
    expect(or.final).toEqual(['tv']);
    expect(ledgerOf(or).map((r) => r.outcome)).toEqual(['removed-later', 'kept', 'add-wins']);
  });
});

describe('the ledger orders last write wins by stamp, not by when changes were made', () => {
  it('a remove made later but stamped earlier is undone, and the add it meant to undo is kept', () => {
    // The phone adds a TV through B, whose clock runs 1.5 s fast; a second later the laptop
    // removes it through A, whose clock is right. In real time the remove is last; by stamp
    // the add is, so last write wins keeps the TV.
    const script: Action[] = [
      { at: 1000, type: 'write', client: 'phone', coordinator: 'B', key: CART_KEY, value: '+tv' },
      { at: 2000, type: 'write', client: 'laptop', coordinator: 'A', key: CART_KEY, value: '-tv' },
    ];
    const lww = byStrategy(runCarts(cartScenario(3, 'cart-lww', script, { B: 1500 }), CART_KEY), 'cart-lww');
    const [add, remove] = ledgerOf(lww);
    // The test has teeth only if the two orders disagree: made first, stamped last.
    expect(add!.op.invokedAt).toBeLessThan(remove!.op.invokedAt);
    expect(stampCompare(add!.op.version as LwwVersion, remove!.op.version as LwwVersion)).toBeGreaterThan(0);
    expect(lww.final).toEqual(['tv']);
    expect([add!.outcome, remove!.outcome]).toEqual(['kept', 'undone']);
  });
});
