/*
 * How this lab replicates, where it simplifies, and what Dynamo, Riak and Cassandra do
 * instead. Sources (looked up, not recalled): the Dynamo paper (DeCandia et al., SOSP
 * 2007, §4.5–4.6); Riak KV 2.2 docs ("Replication properties": PR and PW default to 0, so
 * fallback vnodes count; "Clusters": any node may coordinate) and riak_kv's put FSM, which
 * forwards a write to a node of the key's preference list; Apache Cassandra's docs on
 * hints ("not used to satisfy the write consistency level unless the consistency level is
 * ANY") and on client requests (any node may coordinate).
 */

/** Who coordinates a request: what this lab does, and what real stores do. */
export const COORDINATOR_WORDS =
  'In this lab the replica you send to coordinates the request itself, even for a key it does not hold: it sends it to the key’s N replicas and answers after W acknowledgements (writes) or R replies (reads). Dynamo forwards such a request to one of the key’s replicas, which coordinates it; Riak does that for writes; Cassandra lets any node coordinate.';
