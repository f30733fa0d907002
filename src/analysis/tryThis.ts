import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import '../sim/values/lwwCounter.ts';
import '../sim/values/crdt/index.ts';

/**
 * The runs behind the module's "Try this" table (quiz question 4): what goes wrong with
 * the weaker choice, where it matters. Pure and seeded, like every run of the lab.
 */

export type Level = 'eventual' | 'strong';

export interface TakeOutcome {
  /** Takes (withdrawals, purchases) the store accepted. */
  readonly accepted: number;
  readonly tried: number;
  /** What was there at first, and what every replica holds once the partition has healed. */
  readonly start: number;
  readonly end: number;
}

/**
 * Two clients each take `amount` from a total of `start` at the same moment, one on each
 * side of a partition (A alone, B and C together), each through the replica on its side.
 * A take reads the coordinator's copy and writes the total less the amount (the lab's
 * read-modify-write counter). 'eventual' is W = R = 1; 'strong' is majority quorums, W =
 * R = 2 of 3, so the side with one replica cannot take anything.
 *
 * In this lab, quorums make this run come out right only because the two takes are on
 * different sides: W + R > N does not make a read-then-write atomic, and two takes on the
 * same side could both read the same total. A bank uses a transaction or a conditional
 * write through consensus for that.
 */
export function takeTwice(level: Level, start: number, amount: number): TakeOutcome {
  const quorum = level === 'strong' ? 2 : 1;
  const script: Action[] = [
    { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'total', value: `+${start}` },
    { at: 1000, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] },
    { at: 1500, type: 'write', client: 'c1', coordinator: 'A', key: 'total', value: `-${amount}` },
    { at: 1500, type: 'write', client: 'c2', coordinator: 'B', key: 'total', value: `-${amount}` },
    { at: 5000, type: 'heal-all' },
  ];
  const sim = new Simulation(makeScenario({ seed: 1, cluster: { replicas: 3, n: 3, w: quorum, r: quorum, strategy: 'lww-counter', antiEntropyMs: 1000, clients: ['c1', 'c2'] }, script }));
  sim.runUntil(12_000);
  const takes = sim.trace.ops.filter((o) => o.kind === 'write' && o.invokedAt === 1500);
  const totals = sim.ring.map((node) => Number(sim.strategy.values(sim.replica(node).storage.get('total') ?? sim.strategy.empty())[0] ?? 0));
  return { accepted: takes.filter((o) => o.outcome === 'ok').length, tried: takes.length, start, end: totals[0]! };
}

export interface LikesOutcome {
  readonly made: number;
  readonly counted: number;
}

/**
 * Five likes one after another, then two at the same moment at two replicas, with
 * replicas that do not wait for each other (W = R = 1): counted by one last-write-wins
 * total (read, add one, write back) or by a G-Counter. Read once every replica agrees.
 */
export function likesAtOnce(design: 'lww-counter' | 'g-counter'): LikesOutcome {
  const one = (at: number, coordinator: string, client = 'c1'): Action => ({ at, type: 'write', client, coordinator, key: 'likes', value: '+1' });
  const script: Action[] = [...[0, 300, 600, 900, 1200].map((at) => one(at, 'A')), one(3000, 'A'), one(3000, 'B', 'c2')];
  const sim = new Simulation(makeScenario({ seed: 1, cluster: { replicas: 3, n: 3, w: 1, r: 1, strategy: design, antiEntropyMs: 1000, clients: ['c1', 'c2'] }, script }));
  sim.runUntil(10_000);
  const values = sim.strategy.values(sim.replica('A' as never).storage.get('likes') ?? sim.strategy.empty());
  return { made: script.length, counted: Number(values[0] ?? 0) };
}
