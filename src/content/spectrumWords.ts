import type { ModelId } from '../check/models.ts';

export { MODEL_NAMES, VERDICT_WORDS } from './modelNames.ts';

/**
 * What the consistency lab says about each model of the map, in our own words. Facts
 * checked against Jepsen's consistency map (after Bailis, Davidson, Fekete et al.'s
 * highly available transactions work, and Viotti and Vukolić): models at sequential and
 * above cannot stay available to every client during a partition; models from
 * read-your-writes up to causal can be "sticky available" (available to a client that keeps
 * talking to replicas holding its own past); monotonic reads, monotonic writes and
 * writes-follow-reads can be totally available. Claims about this lab's settings are
 * backed by property tests (named beside each).
 */
export type Availability = 'unavailable' | 'sticky' | 'total' | 'convergence';

export interface ModelWords {
  /** One or two sentences: what the model promises. */
  readonly definition: string;
  readonly availability: Availability;
  /** What this store does about it, in this lab; conditions named. */
  readonly inThisLab: string;
}

export const AVAILABILITY_WORDS: Record<Availability, { readonly label: string; readonly sentence: string }> = {
  unavailable: {
    label: 'unavailable',
    sentence: 'During a network partition, clients on at least one side must wait or get an error: no store can keep this model and answer everyone.',
  },
  sticky: {
    label: 'sticky available',
    sentence: 'During a partition it can keep answering a client that stays with replicas holding that client’s own past; a client that moves to another replica may have to wait.',
  },
  total: {
    label: 'totally available',
    sentence: 'It can keep answering every client that can reach a working replica, on every side of a partition.',
  },
  convergence: {
    label: 'available (it is about replicas, not reads)',
    sentence: 'It promises nothing about what a read returns meanwhile, only that replicas agree once writes stop and faults heal; a store can keep it while answering everyone during a partition.',
  },
};

export const MODEL_WORDS: Record<ModelId, ModelWords> = {
  linearizable: {
    definition: 'Every operation seems to happen at one instant between its start and its end, in a single order that everyone sees. Once a write has finished, or any read has returned it, no later read returns anything older.',
    availability: 'unavailable',
    inThisLab:
      'In this lab: W + R > N with strict (not sloppy) quorums, reads that write back before they answer, last write wins, clocks in step, and no crash that loses writes (a property test checks random runs like this, with lost messages). W + R > N alone is not enough: try the story below. Dynamo, Riak and Cassandra do not promise it for ordinary quorum reads; Cassandra offers it within one partition through lightweight transactions (Paxos), when writes use IF conditions and reads use SERIAL consistency.',
  },
  sequential: {
    definition: 'All operations fit one order that keeps each client’s own operations in the order it made them, and everyone sees that order; unlike linearizable, it may put an operation before one that had already finished, on another client, when it started.',
    availability: 'unavailable',
    inThisLab: 'In this lab the settings that make runs linearizable give it; no setting here gives sequential without linearizable. A run breaks linearizable but keeps sequential when a read misses a write that had finished, or that another client had already read, and nothing later contradicts that order.',
  },
  causal: {
    definition: 'If one write could have influenced another (the same client made both, or its author had read the first), everyone sees them in that order. Writes that could not have influenced each other may be seen in different orders by different clients.',
    availability: 'sticky',
    inThisLab: 'In this lab only the settings that make runs linearizable promise it. With anything weaker, a reply can reach a replica before the post it answers, and the checker shows where.',
  },
  pram: {
    definition: 'Read-your-writes, monotonic reads and monotonic writes together: every client sees each other client’s writes in the order they were made, though different clients may interleave them differently.',
    availability: 'sticky',
    inThisLab: 'In this lab the settings that make runs linearizable keep it; otherwise the checker says which of its three parts a run breaks.',
  },
  'writes-follow-reads': {
    definition: 'A write made after reading something is placed after what was read: nobody sees the write and then misses what its author had seen.',
    availability: 'total',
    inThisLab: 'In this lab only the settings that make runs linearizable keep it: otherwise nothing holds a reply back until the post it answers has arrived.',
  },
  'read-your-writes': {
    definition: 'A client that has finished a write sees it, or something newer, in every read it makes afterwards.',
    availability: 'sticky',
    inThisLab: 'In this lab: W + R > N with strict (not sloppy) quorums, last write wins and clocks in step; or N equal to the number of replicas, a client that writes and reads through one replica, R = 1, and clocks in step (property tests check both, with no crash that loses writes). With W = R = 1 and reads through another replica, it can break: when the read gets there before the write.',
  },
  'monotonic-reads': {
    definition: 'Once a client has read a value, its later reads never return anything that value replaced.',
    availability: 'total',
    inThisLab: 'In this lab W + R > N alone does not promise it: a read can return a write still in progress and the same client’s next read, through other replicas, miss it. The story below shows that race with two clients. Reads that write back keep it, with the settings that make runs linearizable.',
  },
  'monotonic-writes': {
    definition: 'A client’s writes take effect in the order it made them: whoever has seen one of its writes, directly or through what others wrote after seeing it, also sees each earlier write of that client, or something newer.',
    availability: 'total',
    inThisLab: 'In this lab it breaks when a client’s earlier write is still on its way to a replica that already has a later one (the sessions lab’s price story), and because last write wins orders writes by the coordinator’s clock: if a client’s second write goes through a replica whose clock is behind by more than the time between the two writes, its first write can win. The settings that make runs linearizable keep it.',
  },
  eventual: {
    definition: 'Once writes stop and every fault is healed, all replicas of a key end up holding the same value. (This lab also checks that every acknowledged write reached them all or was replaced by one the store orders after it; under last write wins that can be a write that really came first.)',
    availability: 'convergence',
    inThisLab: 'In this lab: anti-entropy on (or read repair, with each key read again after writes stop and faults heal); hinted handoff on if quorums are sloppy; no crash that loses writes; every cut healed and every crashed replica recovered. The run is judged by letting it go on for a minute after its last action.',
  },
};

/**
 * Causal convergence (CCv in Bouajjani, Enea, Guerraoui and Hamza, POPL 2017): causal
 * consistency with one order of all writes, respecting causality, that every read agrees
 * with. Sequential consistency implies it (its single order of everything gives one), and
 * it implies causal; it is not drawn on the map, and the lab shows it beside causal.
 */
export const CAUSAL_CONVERGENCE_WORDS = {
  name: 'Causal convergence',
  definition:
    'Causal, and one thing more: all clients agree on one order of all writes, respecting causality, and each read returns the latest write of its key, in that order, among the writes it causally follows. Writes that could not have influenced each other are settled the same way for everyone, so no two clients see them in opposite orders. It lies between sequential and causal; the checker is the one Bouajjani, Enea, Guerraoui and Hamza give for it.',
} as const;
