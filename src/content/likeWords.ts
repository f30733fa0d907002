/**
 * What the like-counter exercise says about real counters, with the sources checked:
 *
 * - Riak offers counters as a data type (a CRDT), merged by the servers:
 *   docs.riak.com/riak/kv/latest/learn/concepts/crdts/.
 * - Cassandra (2.1 and later) keeps a counter as shards, one per node that has written
 *   it, each {counter id, logical clock, value}; the leader replica of a write reads its
 *   own shard and applies the change: datastax.com/blog/whats-new-cassandra-21-better-implementation-counters,
 *   and ScyllaDB's description of the same format (github.com/scylladb/scylladb/wiki/Counters).
 * - Counter updates are not idempotent, so the drivers do not retry one that timed out:
 *   docs.datastax.com/en/dev-app-drivers/developing/query-idempotence.html.
 * - An ordinary Cassandra column is last write wins, so reading a total, adding one and
 *   writing it back is the naive counter, unless the write is a lightweight transaction
 *   (a conditional UPDATE … IF, Paxos-based).
 */
export const LIKE_REAL_SYSTEMS =
  'This lab builds its own G-Counter. Riak has a counter data type that its servers merge. Cassandra’s counter columns keep one count for each node that took increments; an increment that times out is not retried by the drivers, so the app cannot tell whether it counted. With an ordinary Cassandra column, which is last write wins, reading a total, adding one and writing it back loses likes as the naive counter does, unless each write is a lightweight transaction (UPDATE … IF likes = 5).';

/** What the lab leaves out of the naive counter: clocks that disagree. */
export const LIKE_CLOCKS = 'The three servers’ clocks agree exactly here; a server whose clock ran fast would win with an older total.';
