import { makeScenario, type Action, type LinkOverride, type Scenario } from '../sim/scenario.ts';
import type { CartStrategyId } from '../sim/values/cart.ts';

/**
 * The conflicts lab's cart stories. Illustrative scenarios in our own words: a shop keeps
 * each cart on three replicas in different datacenters (replicating takes 0.3–0.5 s); the
 * phone talks to replica A and the laptop to replica B, each a few milliseconds away. No
 * figures here come from any real incident.
 */
export interface CartStory {
  readonly id: string;
  readonly title: string;
  /** The button that loads it. */
  readonly button: string;
  /** What will happen, told before it does, so the learner knows what to watch. */
  readonly story: string;
  readonly scenario: (seed: number, strategy: CartStrategyId) => Scenario;
}

export const CART_KEY = 'cart';
export const DEVICES = [
  { id: 'phone', name: 'Phone', replica: 'A' },
  { id: 'laptop', name: 'Laptop', replica: 'B' },
] as const;
export const ITEMS = ['headphones', 'tv', 'laptop', 'charger', 'case'] as const;

/*
 * A device's hop to its replica takes a constant 20 ms, so one device's changes reach its
 * replica in the order they were made; reordering there would be a different lesson
 * (session guarantees), and would blur this one.
 */
const near = { kind: 'constant', ms: 20 } as const;
const DEVICE_LINKS: LinkOverride[] = DEVICES.flatMap((d) => [
  { from: d.id, to: d.replica, latency: near },
  { from: d.replica, to: d.id, latency: near },
]);

/** The cluster every story runs on; only the script and the clocks differ. */
export function cartScenario(seed: number, strategy: CartStrategyId, script: readonly Action[], skew: Record<string, number> = {}): Scenario {
  return makeScenario({
    seed,
    cluster: { replicas: 3, clients: DEVICES.map((d) => d.id), n: 3, w: 1, r: 1, strategy, timeoutMs: 2000, antiEntropyMs: 1000, readRepair: false, skew },
    network: { latency: { kind: 'uniform', min: 300, max: 500 }, links: DEVICE_LINKS },
    script,
  });
}

const change = (at: number, device: 'phone' | 'laptop', value: string): Action => ({
  at,
  type: 'write',
  client: device,
  coordinator: device === 'phone' ? 'A' : 'B',
  key: CART_KEY,
  value,
});

export const CART_STORIES: readonly CartStory[] = [
  {
    id: 'lag',
    title: 'Two devices, moments apart',
    button: 'Two devices, moments apart',
    story:
      'Headphones go in from the phone. At t = 1.2 s the phone adds a TV, and a tenth of a second later the laptop adds a laptop: replica B has not heard about the TV yet. Later the laptop removes the headphones while, a tenth of a second after, the phone adds a charger through A, which has not heard about the removal. Watch what each cart ends up holding.',
    scenario: (seed, strategy) =>
      cartScenario(seed, strategy, [change(500, 'phone', '+headphones'), change(1200, 'phone', '+tv'), change(1300, 'laptop', '+laptop'), change(2600, 'laptop', '-headphones'), change(2700, 'phone', '+charger')]),
  },
  {
    id: 'cut',
    title: 'Cut off, then healed',
    button: 'Cut off, then healed',
    story:
      'Replica A (with the phone) is cut off from B and C (with the laptop) for three and a half seconds. Both devices keep changing the cart on their own side; then the network heals and anti-entropy brings the replicas together. Watch which changes each cart keeps.',
    scenario: (seed, strategy) =>
      cartScenario(seed, strategy, [
        change(300, 'phone', '+headphones'),
        { at: 1000, type: 'partition', groups: [['A', 'phone'], ['B', 'C', 'laptop']] },
        change(1500, 'phone', '+tv'),
        change(2000, 'laptop', '+laptop'),
        change(2500, 'laptop', '-headphones'),
        change(3000, 'phone', '+charger'),
        { at: 4500, type: 'heal-all' },
      ]),
  },
  {
    id: 'add-wins',
    title: 'Remove and add at once',
    button: 'Remove and add at once',
    story:
      'The phone adds a TV (the OR-Set tags it A1). At t = 1.5 s the phone adds the TV again, with a new tag, A2, and 50 ms later the laptop removes the TV: replica B has seen only A1, so the removal deletes A1, and A2 survives it. Later the phone removes the TV and the laptop adds it back once more. Watch the tags in the table, and compare the OR-Set with a 2P-Set.',
    scenario: (seed, strategy) =>
      cartScenario(seed, strategy, [change(300, 'phone', '+tv'), change(1500, 'phone', '+tv'), change(1550, 'laptop', '-tv'), change(3000, 'phone', '-tv'), change(4000, 'laptop', '+tv')]),
  },
  {
    id: 'skew',
    title: 'A clock running ahead',
    button: 'A clock running ahead',
    story:
      'Replica B’s clock runs 1.5 s fast. The laptop adds a laptop through B at t = 1.0 s; it reaches B 20 ms later and is stamped 2.52 s. A second later the phone adds a TV through A, whose clock is right: its cart is stamped 2.02 s, which looks older, so last write wins keeps the laptop’s cart, even on A, although the phone wrote last.',
    scenario: (seed, strategy) => cartScenario(seed, strategy, [change(1000, 'laptop', '+laptop'), change(2000, 'phone', '+tv')], { B: 1500 }),
  },
];

export function findCartStory(id: string | null): CartStory | undefined {
  return CART_STORIES.find((s) => s.id === id);
}
