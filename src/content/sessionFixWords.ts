import type { FixId } from './sessionStories.ts';

/**
 * What each session fix does in this lab, what it costs, and what real systems do, with
 * the system named. Kept apart from the stories (sessionStories.ts) so the sessions lab's
 * first screen need not carry it: the story card loads it just after.
 */
export interface FixWords {
  /** What it does, in this lab. */
  readonly what: string;
  /** What it costs, in one sentence. */
  readonly cost: string;
  /** What real systems do, with the system named. */
  readonly elsewhere: string;
}

export const FIX_WORDS: Readonly<Record<FixId, FixWords>> = {
  none: {
    what: 'Each request goes to the replica the user picked, which answers alone (W = R = 1).',
    cost: 'Nothing: the fastest reads and writes, and every replica answers during a partition.',
    elsewhere: 'Dynamo-style stores at W = R = 1 (Cassandra at consistency level ONE) behave like this.',
  },
  sticky: {
    what: 'Each user keeps to the replica it first used; if that replica does not answer within the timeout, the user moves to the next one.',
    cost: 'No extra time while the replica answers; when it fails, the user waits out the timeout, and the new replica may not have what the old one had.',
    elsewhere: 'A load balancer with session affinity does this, if the node it pins a user to answers from its own copy (a Cassandra coordinator may send the read on to other replicas); the guarantee lasts only while that node does.',
  },
  quorum: {
    what: 'A write waits for W = 2 replicas to acknowledge it, and a read asks all three and waits for R = 2 answers, so every read meets a replica that has every acknowledged write (clocks here agree, so the newest write also wins).',
    cost: 'Every write and read waits for a second replica; with one replica cut off, a coordinator on its side cannot answer.',
    elsewhere: 'Cassandra’s QUORUM level, Riak’s and Dynamo’s W and R; with sloppy quorums (Dynamo, Riak) the overlap is not guaranteed.',
  },
  version: {
    what: 'The user’s reads carry what it has already seen (its writes, or what it read); a replica that lacks it waits for it, while other replicas may answer first.',
    cost: 'A read waits until some replica has caught up; cut off from the version it needs, it fails after the timeout.',
    elsewhere: 'MongoDB’s causally consistent sessions do this with one operation time for the whole session rather than a version per key: a read waits at the node it goes to until that node has caught up to the session, which also covers keys the session never touched (all four guarantees, with writes that cannot be rolled back, need majority read and write concerns).',
  },
  sync: {
    what: 'Writes of the keys that matter (here every key the user writes; the post; the price; the question) are acknowledged only once every replica holds them.',
    cost: 'Those writes wait for the slowest replica, and fail if any replica is cut off.',
    elsewhere: 'W = N in Dynamo-style stores (Cassandra’s ALL); a leader-based store does the same by waiting until every follower has applied the write, not merely received it (PostgreSQL’s synchronous_commit = remote_apply, with every standby synchronous).',
  },
  deps: {
    what: 'Each write carries the latest version of every key its user had seen; a replica holds the write back until it has those versions.',
    cost: 'Every replica holds a write back until it has the dependencies, its coordinator too, so a write can wait for them and fails if they are cut off; the dependencies travel with every write.',
    elsewhere: 'COPS carries a write’s nearest dependencies and a remote datacenter checks them before making it visible.',
  },
  home: {
    what: 'Every read and write of the keys that belong together (here the story’s keys) goes to one replica, A, whichever replica the user picked; the other replicas still get copies.',
    cost: 'Nothing extra while A answers. While A is down nobody can read or write those keys (in this lab there is no failover), and all their traffic lands on one replica.',
    elsewhere: 'A store with one leader per shard does this for every key: MongoDB reads from the primary by default and reports an error while there is none. A new leader keeps the guarantee only if it has every acknowledged write (in Raft a voter refuses a candidate whose log is less up to date than its own, so the winner has every write a majority holds), and an old leader must stop answering reads once deposed (leases, or Raft’s ReadIndex check).',
  },
  vector: {
    what: 'Each write carries a version vector of its user’s past; its coordinator takes it once it has applied that past, and every other replica applies each coordinator’s writes in order, holding a write back until it has applied what the vector counts.',
    cost: 'One counter per replica, however much the user has seen (explicit dependencies are often fewer still, as COPS keeps only the nearest), and it counts writes the user never depended on, so it can hold a write back for nothing. A coordinator takes a write only once it has applied what the writer had seen, so the writer can wait there too; and each replica applies a coordinator’s writes in order, so one held write holds up that coordinator’s later writes, other users’ included.',
    elsewhere: 'Causal broadcast with vector clocks (Birman, Schiper and Stephenson) works this way, and lazy replication (Ladin et al.) also holds an update until its replica has what the update’s vector timestamp names.',
  },
};
