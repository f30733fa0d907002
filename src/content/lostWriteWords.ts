import { skewAt } from '../check/clocks.ts';
import type { LostWrite } from '../check/lostWrites.ts';
import type { MessageLog } from '../sim/messageLog.ts';
import type { OpRecord, Trace } from '../sim/trace.ts';
import type { ValueWords } from '../view/valueWords.ts';

/*
 * Why an acknowledged write is lost (see check/lostWrites.ts), in one sentence: the words
 * the narrator, the inspector and the measurements use.
 */

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * When the coordinator stamped a write: when the client's request reached it (the request
 * is sent the moment the write is made, so it is found by a binary search on send times).
 */
function stampedAt(messages: MessageLog, op: OpRecord): number {
  // Every message sent at that moment, not only the last: others may share its time.
  for (let i = messages.firstSentAtOrAfter(op.invokedAt); i < messages.length && messages.sentAt(i) <= op.invokedAt; i++) {
    if (messages.kind(i) === 'client-write' && messages.op(i) === op.id) return messages.endAt(i);
  }
  return op.invokedAt;
}

interface Stamp {
  readonly node: string;
  readonly ts: number;
  /** The stamping clock's offset then. */
  readonly skew: number;
}

function stampOf(trace: Pick<Trace, 'events' | 'messages'>, op: OpRecord): Stamp {
  const v = op.version as { node?: string; ts?: number } | null;
  const node = v?.node ?? op.coordinator;
  return { node, ts: v?.ts ?? 0, skew: skewAt(trace.events, node, stampedAt(trace.messages, op)) };
}

/** A write named in a sentence: "x = second", or for a cart "adding tv to cart". */
function writeName(op: OpRecord, words?: WriteWords): string {
  const subject = words?.describeWrite?.(op.key, op.value ?? '').subject;
  return subject ? subject.charAt(0).toLowerCase() + subject.slice(1) : `${op.key} = ${op.value}`;
}

type WriteWords = Pick<ValueWords, 'describeWrite'>;

/** Why an acknowledged write counts as lost, in one sentence. */
export function lostWriteWords(lost: LostWrite, trace: Pick<Trace, 'events' | 'messages'>, words?: WriteWords): string {
  const w = lost.write;
  const what = `The write ${writeName(w, words)}`;
  if (lost.cause === 'vanished') {
    return `${what}, acknowledged through ${w.coordinator} at ${seconds(w.completedAt!)}, is lost: a crash took it before it reached disk, and no replica, hint or message on its way held it any more.`;
  }
  const by = lost.by!;
  const mine = stampOf(trace, w);
  const theirs = stampOf(trace, by);
  const stamps = `@${(theirs.ts / 1000).toFixed(3)} s against @${(mine.ts / 1000).toFixed(3)} s`;
  const ahead = theirs.skew - mine.skew;
  const why =
    theirs.node === mine.node
      ? `${mine.node}’s clock was moved back between the two stamps (${stamps})`
      : ahead > 0
        ? `${theirs.node}’s clock ran ${ahead / 1000} s ahead of ${mine.node}’s when they stamped them (${stamps})`
        : ahead < 0
          ? `${mine.node}’s clock ran ${-ahead / 1000} s behind ${theirs.node}’s when they stamped them (${stamps})`
          : `its replica’s clock read later when it stamped it (${stamps})`;
  return `${what}, acknowledged at ${seconds(w.completedAt!)}, is lost: the write ${writeName(by, words)}, acknowledged earlier (at ${seconds(by.completedAt!)}), carries the later timestamp because ${why}, so last write wins keeps that one.`;
}
