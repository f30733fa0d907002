import type { Distribution } from './distributions.ts';
import type { StrategyId } from './values/types.ts';

/**
 * A scenario is everything a run depends on, as plain JSON: the seed, the cluster, the
 * network and a script of timed actions. Same scenario, same trace, byte for byte, so a
 * scenario can live in a URL, a file, a test fixture or a postMessage.
 */
export interface Scenario {
  readonly version: 1;
  readonly seed: number;
  readonly cluster: ClusterConfig;
  readonly network: NetworkConfig;
  readonly script: readonly Action[];
}

export interface ClusterConfig {
  /** How many replicas (3 to 9), named A, B, C… */
  readonly replicas: number;
  /** Client ids, e.g. ["c1", "c2"] or ["phone", "laptop"]. */
  readonly clients: readonly string[];
  /** Replicas per key, and the write and read quorums. */
  readonly n: number;
  readonly w: number;
  readonly r: number;
  readonly strategy: StrategyId;
  /** How long a coordinator waits for W acks or R responses, and a client for an answer. */
  readonly timeoutMs: number;
  /** After answering a read, send the merged value to replicas that answered with less. */
  readonly readRepair: boolean;
  /**
   * Before answering a read, make sure W replicas of the key hold the value it returns,
   * writing it back to the others and waiting for their acknowledgements: the second phase
   * of the ABD algorithm (Attiya, Bar-Noy and Dolev), and what Cassandra's blocking read
   * repair does for the replicas a quorum read touched. With W + R > N, strict quorums,
   * last write wins, clocks in step and no crash that loses writes, runs are linearizable;
   * without it a read can return a write still in progress and a later read the value before it.
   */
  readonly readWriteBack: boolean;
  /**
   * Sloppy quorums: when a replica of the key has not answered within half the timeout,
   * the coordinator asks the next replica round the ring to stand in for it. A stand-in
   * keeps a write as a hint for the replica it stands in for, not as its own data.
   */
  readonly sloppyQuorum: boolean;
  /** How often a stand-in tries to hand its hints back; 0 never does. */
  readonly hintedHandoffMs: number;
  /** Each replica syncs with a random peer this often; 0 turns anti-entropy off. */
  readonly antiEntropyMs: number;
  /** A write sits in memory this long before it is durable; 0 means at once. */
  readonly durabilityMs: number;
  /** Per-node clock skew in ms (positive runs ahead). */
  readonly skew: Readonly<Record<string, number>>;
  /**
   * Sticky sessions: each client sends every request to the replica it first used,
   * whatever replica the action names, and fails over to the next replica round the ring
   * when a request gets no answer within timeoutMs (what it was guaranteed can break then).
   */
  readonly sticky: boolean;
  /**
   * Version-based reads: each read carries what its client must see of the key (its own
   * acknowledged writes, what it has read, or both), and a replica answers it only once it
   * holds that, waiting for it up to the timeout. 'writes' gives read-your-writes, 'reads'
   * monotonic reads.
   */
  readonly sessionReads: SessionReads;
  /** Keys written synchronously: a write is acknowledged only once all N replicas hold it. */
  readonly syncKeys: readonly string[];
  /**
   * Causal delivery: each write carries its client's causal past, and every replica holds
   * it back until it has applied what it depends on. 'deps' names, for each key the client
   * has seen, the latest version it saw (explicit dependencies, as COPS); 'vector' is a
   * version vector counting each coordinator's writes, applied in order (causal broadcast).
   * Needs every replica to hold every key and no path that moves data around it (no
   * anti-entropy, read repair, write-back or sloppy quorum): scenarioSchema.ts refuses
   * the rest.
   */
  readonly causalDelivery: CausalDelivery;
  /**
   * Keys that live on one replica: every read and write of them goes to `home`, whichever
   * replica the action names, with no failover (while `home` is down they cannot be
   * served). The other replicas still receive copies, as usual.
   */
  readonly homeKeys: readonly string[];
  /** The replica that serves homeKeys. */
  readonly home: string;
  /**
   * Who takes writes: any replica, as Dynamo (leaderless: n, w and r apply), or one
   * leader that orders every write in a log and ships it to the other replicas, its
   * followers (single-leader: protocols/leader.ts; n is every replica, w and r are unused),
   * or a leader in each of two regions, the leaders sending each other their writes
   * (multi-leader: protocols/leaderMulti.ts; conflicts merge by the value strategy).
   */
  readonly topology: Topology;
  /**
   * Single-leader: how many followers must have applied a write before the leader
   * acknowledges it. 0 is asynchronous, every follower (replicas − 1) synchronous, and a
   * number between is semi-synchronous.
   */
  readonly followerAcks: number;
  /** Single-leader: reads are answered by the replica the client asks (true) or only by the leader (false). */
  readonly followerReads: boolean;
  /**
   * Single-leader: how long the leader must be unreachable (down, or cut off from the
   * other replicas' majority) before a follower is promoted; 0 never fails over.
   */
  readonly failoverMs: number;
}

export const TOPOLOGIES = ['leaderless', 'single-leader', 'multi-leader'] as const;
export type Topology = (typeof TOPOLOGIES)[number];

export const SESSION_READS = ['off', 'writes', 'reads', 'both'] as const;
export type SessionReads = (typeof SESSION_READS)[number];
export const CAUSAL_DELIVERY = ['off', 'deps', 'vector'] as const;
export type CausalDelivery = (typeof CAUSAL_DELIVERY)[number];

export interface NetworkConfig {
  readonly latency: Distribution;
  /** Probability that a message is lost, 0 to 1. */
  readonly loss: number;
  /** Per-link settings that differ from the defaults (directed). */
  readonly links: readonly LinkOverride[];
}

export interface LinkOverride {
  readonly from: string;
  readonly to: string;
  readonly latency?: Distribution;
  readonly loss?: number;
}

interface At {
  /** Virtual time in ms at which the action happens. */
  readonly at: number;
}

export type Action = At &
  (
    | {
        readonly type: 'write';
        readonly client: string;
        readonly coordinator: string;
        readonly key: string;
        readonly value: string;
        /** Send what the client last read of this key (default), or write blind. */
        readonly blind?: boolean;
      }
    | { readonly type: 'read'; readonly client: string; readonly coordinator: string; readonly key: string }
    /** Cut a link; both directions unless `oneWay`. */
    | { readonly type: 'cut'; readonly from: string; readonly to: string; readonly oneWay?: boolean }
    | { readonly type: 'heal'; readonly from: string; readonly to: string; readonly oneWay?: boolean }
    /** Cut every link between nodes in different groups. Nodes in no group are untouched. */
    | { readonly type: 'partition'; readonly groups: readonly (readonly string[])[] }
    | { readonly type: 'heal-all' }
    | { readonly type: 'crash'; readonly node: string; readonly loseUndurable?: boolean }
    | { readonly type: 'recover'; readonly node: string }
    | { readonly type: 'set-skew'; readonly node: string; readonly ms: number }
    | { readonly type: 'set-quorum'; readonly w?: number; readonly r?: number }
    | { readonly type: 'set-network'; readonly latency?: Distribution; readonly loss?: number }
  );

export type ActionType = Action['type'];

/** A run is at most an hour of simulated time: more is never a lesson, and could freeze the page. */
export const MAX_TIME = 3600 * 1000;

export const DEFAULT_CLUSTER: ClusterConfig = {
  replicas: 3,
  clients: ['c1', 'c2'],
  n: 3,
  w: 2,
  r: 2,
  strategy: 'lww',
  timeoutMs: 1000,
  readRepair: false,
  readWriteBack: false,
  sloppyQuorum: false,
  hintedHandoffMs: 1000,
  antiEntropyMs: 3000,
  durabilityMs: 0,
  skew: {},
  sticky: false,
  sessionReads: 'off',
  syncKeys: [],
  causalDelivery: 'off',
  homeKeys: [],
  home: 'A',
  topology: 'leaderless',
  followerAcks: 0,
  followerReads: false,
  failoverMs: 2000,
};

export const DEFAULT_NETWORK: NetworkConfig = {
  latency: { kind: 'uniform', min: 40, max: 120 },
  loss: 0,
  links: [],
};

/** A scenario with defaults for everything not given. */
export function makeScenario(parts: {
  seed?: number;
  cluster?: Partial<ClusterConfig>;
  network?: Partial<NetworkConfig>;
  script?: readonly Action[];
}): Scenario {
  return {
    version: 1,
    seed: parts.seed ?? 1,
    cluster: { ...DEFAULT_CLUSTER, ...parts.cluster },
    network: { ...DEFAULT_NETWORK, ...parts.network },
    script: parts.script ?? [],
  };
}
