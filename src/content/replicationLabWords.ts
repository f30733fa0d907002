import type { FaultId, SetupId } from '../labs/replication/model/replicationRuns.ts';

/**
 * The replication lab's sentences. Facts carried over from the module and from the
 * systems' manuals (DESIGN.md, "The leader protocol", says where each was looked up).
 */

export const SETUP_WORDS: Record<SetupId, { readonly what: string; readonly elsewhere: string }> = {
  leaderless: {
    what: 'Any replica takes a write and sends it to all three; the client is answered once two of them have it (W = 2), and a read asks two (R = 2). Anti-entropy runs every 3 s.',
    elsewhere: 'Dynamo, Riak and Cassandra work this way; the quorum lab goes further into W, R, sloppy quorums and read repair.',
  },
  async: {
    what: 'A answers the client as soon as it has logged the write, and sends it to B and C without waiting for them.',
    elsewhere: 'The default in MySQL and PostgreSQL. A write the leader acknowledged but no follower has yet is lost if a follower is promoted in its place.',
  },
  'semi-sync': {
    what: 'A answers once one of its two followers has applied the write. Cut off, A can acknowledge nothing, so nothing it acknowledged is lost; and when A fails alone, the follower promoted (the one with most of the log) has every acknowledged write.',
    elsewhere:
      'MySQL’s semi-synchronous replication waits for rpl_semi_sync_source_wait_for_replica_count replicas (1 by default), counting a replica once it has received the write; PostgreSQL waits for k standbys named in synchronous_standby_names (FIRST k or ANY k). MySQL falls back to asynchronous replication after rpl_semi_sync_source_timeout (10 s by default); this lab never falls back.',
  },
  sync: {
    what: 'A answers only once both followers have applied the write: nothing acknowledged is lost, but one follower down or cut off stalls every write.',
    elsewhere:
      'PostgreSQL does so with synchronous_standby_names = \'FIRST 2 (b, c)\' (a plain list makes only one of them synchronous) and synchronous_commit = remote_apply; there a write waits for as long as it takes, where this lab gives up after 1 s. Most systems wait for some followers, not all, for this reason.',
  },
  'two-leaders': {
    what: 'c1 writes through A, which leads the first region; c2 through B, which leads the second (with C). Each leader answers its client at once and sends the write to its followers and to the other leader. Cut apart, both regions keep taking writes; once healed, the leaders exchange them, and last write wins keeps one of each pair of concurrent writes.',
    elsewhere: 'Multi-leader setups (two database primaries replicating to each other, or CouchDB replicating both ways) stay writable in both regions when the link between them fails; what to do with conflicting writes is the hard part: the section below shows the conflicts lab’s three answers on a cart.',
  },
};


export const FAULT_WORDS: Record<FaultId, string> = {
  'leader-cut':
    'At 2 s, A and c1 lose their links to B, C and c2: c1 can still reach A, and only A. With one leader, after 2 s without reaching A the orchestrator promotes B or C, and c1 keeps sending to A until a request fails, as a connection pool would. With two leaders, these are the two regions, and each goes on taking its own writes. The links come back at 7 s.',
  'leader-crash': 'A crashes at 2 s and restarts at 7 s. With one leader, it comes back still believing it leads, until a message tells it of the newer term; with two, c1’s region has no leader while A is down.',
  'follower-crash': 'C crashes at 2 s and restarts at 8.5 s, then catches up (from the leader’s log, or without a leader by anti-entropy). Watch its lag on the monitoring board cross the 5 s line, and fall back once it is up.',
  none: 'Nothing goes wrong: what each setup costs when all is well.',
};

/** "In this lab" sentences: where the simulation simplifies what real systems do. */
export const IN_THIS_LAB = [
  'In this lab an orchestrator outside the network sees every replica and link directly. Patroni learns the same from heartbeats and a consensus store, GitHub’s orchestrator by checking the leader and asking its replicas, and either can be wrong about it.',
  'In this lab a follower acknowledges a write once it has applied it, as PostgreSQL’s synchronous_commit = remote_apply waits for. MySQL’s AFTER_SYNC waits only until a replica has received it.',
  'In this lab a message already sent still arrives after its sender crashes, so a crash of the leader rarely loses an asynchronous write. A real crash also loses what was still in the leader’s send buffer. Cut the leader off to see the loss.',
  'Each promotion starts a new term, a number every replication message carries (Raft calls it a term, ZooKeeper an epoch). A replica refuses a leader with an older term. A leader keeps taking writes until it hears of a newer term; then it steps down and rolls back what the new leader lacks, as MongoDB does with writes acknowledged before a majority had them (since 5.0 its default, in most deployments, waits for a majority). Terms need no bound on clock drift. A lease, such as Patroni’s leader key with its time to live, would stop an old leader sooner, if the clocks drift within a known bound.',
] as const;
