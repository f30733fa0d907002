import { IMPLIES, MODELS, type ModelId } from '../check/models.ts';
import { makeScenario, type Action, type LinkOverride, type Scenario } from '../sim/scenario.ts';

/**
 * Separating examples: for each arrow of the consistency map, a small run of this
 * simulator that keeps the weaker model and breaks the stronger one, so "what is the
 * difference between sequential and linearizable?" has an answer the learner can replay
 * and change. Every run here has three replicas holding every key (N = 3), W = R = 1,
 * last write wins with clocks in step, and messages taking 50 ms, with one or two slow
 * links (1 s) or a cut; anti-entropy and read repair are off, so a replica learns a write
 * only from its coordinator. `verdicts` is what the checkers say of each run, every model named: the
 * tests beside this file judge each run and compare, so a sentence here cannot drift from
 * what the lab shows.
 */
export interface SeparatingExample {
  readonly id: string;
  readonly title: string;
  /** What happens, in the order it happens, and why it keeps one model and breaks another. */
  readonly story: string;
  readonly scenario: Scenario;
  /** Each model's verdict on the run: true holds, false broken. */
  readonly verdicts: Readonly<Record<ModelId, boolean>>;
}

const FAST = 50;
const SLOW = 1000;

function example(script: readonly Action[], slow: readonly (readonly [string, string])[], extra: Partial<Scenario['cluster']> = {}): Scenario {
  const links: LinkOverride[] = slow.map(([from, to]) => ({ from, to, latency: { kind: 'constant', ms: SLOW } }));
  return makeScenario({
    seed: 1,
    cluster: { replicas: 3, n: 3, w: 1, r: 1, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0, readRepair: false, ...extra },
    network: { latency: { kind: 'constant', ms: FAST }, loss: 0, links },
    script,
  });
}

/** Every model holds except the ones named. */
function breaking(...broken: ModelId[]): Record<ModelId, boolean> {
  return Object.fromEntries(MODELS.map((m) => [m, !broken.includes(m)])) as Record<ModelId, boolean>;
}

export const SEPARATING_EXAMPLES: readonly SeparatingExample[] = [
  {
    id: 'stale-read',
    title: 'A read after a finished write misses it',
    story:
      'c1 writes x = 1 through A, which answers at once (W = 1). After that answer, c2 reads x through B, whose copy of the write is still on the slow link from A, and gets nothing. Linearizable is broken: the write had finished before the read began. Sequential holds: nothing forces c1’s write before c2’s read in a single order, because sequential keeps each client’s own order and ignores real time.',
    scenario: example(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 150, type: 'read', client: 'c2', coordinator: 'B', key: 'x' },
      ],
      [['A', 'B']],
    ),
    verdicts: breaking('linearizable'),
  },
  {
    id: 'each-sees-only-its-own',
    title: 'Two writers, each blind to the other',
    story:
      'At the same moment c1 writes x = 1 through A and c2 writes y = 1 through B; the links between A and B are slow. Then c1 reads y through A and c2 reads x through B, and both get nothing. Sequential is broken: in any single order one of the writes comes first, and the other client’s later read would have seen it. Causal holds: neither write is causally before the other client’s read, so each may miss it.',
    scenario: example(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 0, type: 'write', client: 'c2', coordinator: 'B', key: 'y', value: '1' },
        { at: 150, type: 'read', client: 'c1', coordinator: 'A', key: 'y' },
        { at: 150, type: 'read', client: 'c2', coordinator: 'B', key: 'x' },
      ],
      [
        ['A', 'B'],
        ['B', 'A'],
      ],
    ),
    verdicts: breaking('linearizable', 'sequential'),
  },
  {
    id: 'answer-before-question',
    title: 'The answer arrives before the question',
    story:
      'c1 posts a question, x = 1, through A. c2 reads it through A and answers, y = 1, through C. C passes the answer to B at once, but the question crawls to B over the slow link from A. c3 reads through B: the answer, then no question. Causal is broken, and so is writes follow reads: c2 wrote its answer after reading the question, so whoever sees the answer must see the question. Read your writes, monotonic reads and monotonic writes hold, so PRAM holds.',
    scenario: example(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 150, type: 'read', client: 'c2', coordinator: 'A', key: 'x' },
        { at: 300, type: 'write', client: 'c2', coordinator: 'C', key: 'y', value: '1' },
        { at: 450, type: 'read', client: 'c3', coordinator: 'B', key: 'y' },
        { at: 600, type: 'read', client: 'c3', coordinator: 'B', key: 'x' },
      ],
      [['A', 'B']],
    ),
    verdicts: breaking('linearizable', 'sequential', 'causal', 'writes-follow-reads'),
  },
  {
    id: 'own-write-missing',
    title: 'Your own write, gone',
    story:
      'c1 writes x = 1 through A, which answers at once (W = 1). Then c1 reads x through B, which has not received the write yet, and gets nothing. Read your writes is broken, so PRAM and causal are too. Monotonic reads, monotonic writes and writes follow reads hold: c1 read once, wrote once, and never wrote after reading. The replicas still end up agreeing, so eventual consistency holds.',
    scenario: example(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 150, type: 'read', client: 'c1', coordinator: 'B', key: 'x' },
      ],
      [['A', 'B']],
    ),
    verdicts: breaking('linearizable', 'sequential', 'causal', 'pram', 'read-your-writes'),
  },
  {
    id: 'value-goes-back',
    title: 'A value seen, then unseen',
    story:
      'c1 writes x = 1 through A. c2 reads x through A and gets 1, then reads x again through B, which has not received the write yet, and gets nothing. Monotonic reads is broken, so PRAM and causal are too. Read your writes holds (c2 wrote nothing, and c1 never read), and so do monotonic writes and writes follow reads.',
    scenario: example(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 150, type: 'read', client: 'c2', coordinator: 'A', key: 'x' },
        { at: 300, type: 'read', client: 'c2', coordinator: 'B', key: 'x' },
      ],
      [['A', 'B']],
    ),
    verdicts: breaking('linearizable', 'sequential', 'causal', 'pram', 'monotonic-reads'),
  },
  {
    id: 'writes-out-of-order',
    title: 'A client’s writes, out of order',
    story:
      'c1 writes x = 1 through A, then x = 2 through B, then y = 1 through B; the link from B to A is slow. c2 reads y through B and gets 1, so it now follows everything c1 did before. Then c2 reads x through A, where x = 2 has not arrived, and gets 1: c1’s second write is missing while a later one is seen. Monotonic writes is broken, so PRAM and causal are too; read your writes, monotonic reads and writes follow reads hold. These are the guarantees as Jepsen states them, by what clients observe; Terry et al. state them by the order in which each server applies writes, and here every server applied c1’s writes in order.',
    scenario: example(
      [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 150, type: 'write', client: 'c1', coordinator: 'B', key: 'x', value: '2' },
        { at: 300, type: 'write', client: 'c1', coordinator: 'B', key: 'y', value: '1' },
        { at: 450, type: 'read', client: 'c2', coordinator: 'B', key: 'y' },
        { at: 600, type: 'read', client: 'c2', coordinator: 'A', key: 'x' },
      ],
      [['B', 'A']],
    ),
    verdicts: breaking('linearizable', 'sequential', 'causal', 'pram', 'monotonic-writes'),
  },
  {
    id: 'never-converges',
    title: 'Every read right, the replicas never agree',
    story:
      'The link between A and B is cut. c1 writes x = 1 through A and reads it back: 1. The link heals, but the copy sent to B was lost, and with anti-entropy off nothing sends it again: B never holds x = 1. (Read repair would mend B only if x were read again after the heal.) Every model about what clients read holds; eventual consistency is broken. In this lab that takes anti-entropy off. Dynamo, Riak and Cassandra would hand the missed write to B once it could be reached again (hinted handoff); Dynamo and Riak also run anti-entropy in the background, and Cassandra repairs stale replicas during reads at consistency levels above ONE, or when an operator runs a repair.',
    scenario: example(
      [
        { at: 0, type: 'cut', from: 'A', to: 'B' },
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 200, type: 'read', client: 'c1', coordinator: 'A', key: 'x' },
        { at: 500, type: 'heal', from: 'A', to: 'B' },
      ],
      [],
    ),
    verdicts: breaking('eventual'),
  },
];

/** The models a model implies directly: the ends of its arrows on the map. */
function weakerThan(model: ModelId): ModelId[] {
  return IMPLIES.filter(([strong]) => strong === model).map(([, weak]) => weak);
}

/**
 * The examples to show beside a model, each with the models it keeps: for each arrow from
 * the model, the first example (fewest models broken) that breaks it and keeps the model
 * at the arrow's end, each example once; for a model with no arrow from it, the example
 * that breaks it with fewest others, and the strongest models that example keeps.
 */
export function examplesFor(model: ModelId): { readonly example: SeparatingExample; readonly keeps: readonly ModelId[] }[] {
  const byBreaks = [...SEPARATING_EXAMPLES].filter((e) => !e.verdicts[model]).sort((a, b) => broken(a) - broken(b));
  const weaker = weakerThan(model);
  if (weaker.length === 0) return byBreaks.slice(0, 1).map((example) => ({ example, keeps: strongestKept(example) }));
  const out = new Map<SeparatingExample, ModelId[]>();
  for (const w of weaker) {
    const e = byBreaks.find((x) => x.verdicts[w]);
    if (e) out.set(e, [...(out.get(e) ?? []), w]);
  }
  return [...out].map(([example, keeps]) => ({ example, keeps }));
}

/** The models an example keeps that no kept model implies: "linearizable holds" says the rest. */
function strongestKept(e: SeparatingExample): ModelId[] {
  return MODELS.filter((m) => e.verdicts[m] && !IMPLIES.some(([strong, weak]) => weak === m && e.verdicts[strong]));
}

function broken(e: SeparatingExample): number {
  return MODELS.filter((m) => !e.verdicts[m]).length;
}
