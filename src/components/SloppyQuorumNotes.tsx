import { READ_REPAIR_WORDS, SLOPPY_ELSEWHERE, SLOPPY_IN_THIS_LAB } from '../content/sloppyQuorumWords.ts';

/** How this lab's sloppy quorums and read repair work, and how real stores differ. */
export function SloppyQuorumNotes() {
  return (
    <>
      <p className="small muted">{SLOPPY_IN_THIS_LAB}</p>
      <details className="small">
        <summary>How Dynamo, Riak and Cassandra do it</summary>
        <p>{SLOPPY_ELSEWHERE}</p>
      </details>
      <p className="small muted">{READ_REPAIR_WORDS}</p>
    </>
  );
}
