/*
 * Sloppy quorums and read repair as this lab does them, and how Dynamo, Riak and
 * Cassandra differ (sources in replicationWords.ts). The quorum lab's words alone, so the
 * other labs do not load them.
 */

/** Sloppy quorums as this lab does them, and how Dynamo, Riak and Cassandra differ. */
export const SLOPPY_IN_THIS_LAB =
  'In this lab, a sloppy quorum works like this: when one of the key’s replicas has not answered within half the timeout, the coordinator asks a stand-in (the next replica round the ring). A write’s stand-in keeps it as a hint, its acknowledgement counts towards W, and it hands the write back when it can (a “hint” badge in the picture). A read’s stand-in answers from its own data, which usually lacks the key, and its answer counts towards R; reads never see hints.';

export const SLOPPY_ELSEWHERE =
  'Real stores differ. Dynamo sends reads and writes to the first N healthy nodes of the preference list, so a stand-in is used from the start and answers reads too. Riak does the same with fallback vnodes unless PR or PW require primaries (both default to 0). Cassandra has no stand-ins: the coordinator keeps hints itself, and they count towards the consistency level only at ANY.';

export const READ_REPAIR_WORDS = 'Read repair: after answering a read, the coordinator sends the newer value to replicas that answered with an older one (“repair” messages).';
