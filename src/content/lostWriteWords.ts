import { skewAt } from '../check/clocks.ts';
import type { LostWrite } from '../check/lostWrites.ts';
import type { OpRecord, TraceEvent } from '../sim/trace.ts';
import type { ValueStrategy } from '../sim/values/types.ts';

/*
 * Why an acknowledged write is lost (see check/lostWrites.ts), in one sentence: the words
 * the narrator, the inspector and the measurements use.
 */

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The clock offset of the replica that stamped a write, when it was made. */
function stampSkew(events: readonly TraceEvent[], op: OpRecord): number {
  const node = (op.version as { node?: string } | null)?.node ?? op.coordinator;
  return skewAt(events, node, op.invokedAt);
}

/** A write named in a sentence: "x = second", or for a cart "adding tv to cart". */
function writeName(op: OpRecord, words?: WriteWords): string {
  const subject = words?.describeWrite?.(op.key, op.value ?? '').subject;
  return subject ? subject.charAt(0).toLowerCase() + subject.slice(1) : `${op.key} = ${op.value}`;
}

type WriteWords = Pick<ValueStrategy<unknown, unknown>, 'describeWrite'>;

/** Why an acknowledged write counts as lost, in one sentence. */
export function lostWriteWords(lost: LostWrite, events: readonly TraceEvent[], words?: WriteWords): string {
  const skewOf = (op: OpRecord) => stampSkew(events, op);
  const w = lost.write;
  const what = `The write ${writeName(w, words)}`;
  if (lost.cause === 'vanished') {
    return `${what}, acknowledged through ${w.coordinator} at ${seconds(w.completedAt!)}, is lost: no replica holds it any more (a crash took it before it reached disk), and no message or hint carries it.`;
  }
  const by = lost.by!;
  const fast = skewOf(by) - skewOf(w);
  const why =
    fast > 0
      ? `${by.coordinator}’s clock ran ${fast / 1000} s ahead of ${w.coordinator}’s when they stamped them`
      : fast < 0
        ? `${w.coordinator}’s clock ran ${-fast / 1000} s behind ${by.coordinator}’s when they stamped them`
        : 'its replica’s clock read later when it stamped it';
  return `${what}, acknowledged at ${seconds(w.completedAt!)}, is lost: the write ${writeName(by, words)}, acknowledged earlier (at ${seconds(by.completedAt!)}), carries the later timestamp because ${why}, so last write wins keeps that one everywhere.`;
}

