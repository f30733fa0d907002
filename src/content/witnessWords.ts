import { describeOp, type HistoryOp } from '../check/history.ts';
import type { ModelId, ModelVerdict } from '../check/models.ts';
import { MODEL_NAMES } from './modelNames.ts';

/** How a history's times are read out: seconds for a run, line numbers for a log. */
export type TimeWords = (t: number) => string;

export const seconds: TimeWords = (t) => `${(t / 1000).toFixed(2)} s`;
/** A log's times are the lines its events are on (0-based in the history). */
export const lines: TimeWords = (t) => `line ${t + 1}`;

function span(op: HistoryOp, time: TimeWords): string {
  return op.ret === Infinity ? `from ${time(op.call)}, never answered` : `${time(op.call)} to ${time(op.ret)}`;
}

/** "c2 read x = 1 (0.04 s to 0.06 s)" for each operation, in the order they began. */
function listed(ops: readonly HistoryOp[], time: TimeWords): string {
  return [...ops]
    .sort((a, b) => a.call - b.call || a.id - b.id)
    .map((o) => `${describeOp(o)} (${span(o, time)})`)
    .join('; ');
}

/**
 * One sentence (two at most) saying why a run breaks a model, naming the operations of its
 * witness and when they ran. For a verdict that is not "violated", what the map says.
 *
 * @example witnessSentence('read-your-writes', verdict, history, seconds)
 * // 'c1 read x = nothing at 3.20 s although its own write of x = 2 had completed at 2.90 s.'
 */
export function witnessSentence(model: ModelId, v: ModelVerdict, history: readonly HistoryOp[], time: TimeWords, name: string = MODEL_NAMES[model]): string {
  if (v.result === 'satisfied') return v.by ? `${name}: holds, since ${MODEL_NAMES[v.by].toLowerCase()} does and implies it.` : `${name}: holds for this run.`;
  if (v.result === 'unknown') return `${name}: not decided, because ${v.reason}.`;
  const byId = new Map(history.map((o) => [o.id, o]));
  const ops = v.witness.ops.map((id) => byId.get(id)).filter((o): o is HistoryOp => o !== undefined);
  // "Linearizable: broken. It implies read your writes, which this run breaks: …"
  const lead = `${name}: broken.${v.by ? ` It implies ${MODEL_NAMES[v.by].toLowerCase()}, which this run breaks:` : ''}`;
  // A sentence that starts with a phrase is capitalised on its own, not after the colon; one that starts with a client's name is left alone.
  const broken = (text: string, phrase = true) => `${lead} ${phrase && !v.by ? text.charAt(0).toUpperCase() + text.slice(1) : text}`;
  const pattern = v.witness.pattern ?? model;
  const read = ops.filter((o) => o.f === 'read').at(-1);
  const write = ops.find((o) => o.f === 'write');
  switch (pattern) {
    case 'read-your-writes':
      if (read && write) return broken(`${describeOp(read)} at ${time(read.call)} although its own write of ${write.key === '' ? 'the value' : write.key} = ${String(write.value)} had completed at ${time(write.ret)}.`, false);
      break;
    case 'monotonic-reads': {
      const [, first, second] = ops;
      if (first && second) return broken(`${describeOp(first)} at ${time(first.call)}, then ${describeOp(second).replace(/^\S+ /, '')} at ${time(second.call)}: the second read went back to something the first one’s value had replaced.`, false);
      break;
    }
    case 'monotonic-writes':
      return broken(`a read that came causally after one of a client’s writes missed an earlier write of that client: it returned something older, or, for one key, the write the later one replaced: ${listed(ops, time)}.`);
    case 'writes-follow-reads':
      return broken(`a write made after reading something was followed, directly or through others, by a read that missed what its author had read (the reply without the post): ${listed(ops, time)}.`);
    case 'ThinAirRead':
      return broken(`a read returned a value no write wrote: ${listed(ops, time)}.`);
    case 'siblings':
      return broken(`a read returned several values at once, which no single register holds: ${listed(ops, time)}.`);
    case 'CyclicCO':
      return broken(`causality goes round in a circle: a read saw a write that itself depends on the read. ${listed(ops, time)}.`);
    case 'WriteCOInitRead':
      return broken(`a read returned nothing although a write of its key causally came before it: ${listed(ops, time)}.`);
    case 'WriteCORead':
      return broken(`a read returned a value that a write causally before it had already replaced: ${listed(ops, time)}.`);
    case 'CyclicCF':
      return broken(`clients saw these writes in orders no single order explains: ${listed(ops, time)}.`);
    case 'diverged':
    case 'lost':
      return lead;
  }
  if (model === 'sequential') return broken(`no order of these operations that keeps each client’s own order gives every read its answer: ${listed(ops, time)}.`);
  return broken(`no order of these operations, each taking effect at an instant between its start and its end, gives every read its answer: ${listed(ops, time)}.`);
}

/**
 * For the searching checkers (linearizable, sequential), the longest order of operations
 * the search found before it was stuck: the numbered operations on the diagram, and this
 * sentence. Porcupine's visualiser shows the same for linearizability, where the order is
 * of one key's operations (a key-value history is checked key by key); sequential
 * consistency's is of the whole history, leaving out reads whose answer is unknown (they
 * fit anywhere). Null for other models, or a verdict with no such order.
 *
 * @example partialSentence('linearizable', verdict, history)
 * // 'The longest order the search found for x (numbered on the diagram): 1. c1 wrote x = 1; 2. c2 read x = 1. After these, no remaining operation on x can take effect next, …'
 */
export function partialSentence(model: ModelId, v: ModelVerdict, history: readonly HistoryOp[]): string | null {
  if (v.result !== 'violated' || v.by || (model !== 'linearizable' && model !== 'sequential')) return null;
  const byId = new Map(history.map((o) => [o.id, o]));
  const ops = v.witness.partial.map((id) => byId.get(id)).filter((o): o is HistoryOp => o !== undefined);
  const lin = model === 'linearizable';
  const which = lin ? `operation${v.witness.key !== '' ? ` on ${v.witness.key}` : ''}` : 'operation with a known answer';
  const fit = (at: string) => (lin ? `take effect ${at}, between its start and its end,` : `come ${at}, after its client’s earlier operations,`);
  if (ops.length === 0) return `No ${which} can ${fit('first')} and still give the answer it gave.`;
  const listedOps = ops.map((o, i) => `${i + 1}. ${describeOp(o)}`).join('; ');
  return `The longest order the search found${lin && v.witness.key !== '' ? ` for ${v.witness.key}` : ''} (numbered on the diagram): ${listedOps}. After these, no remaining ${which} can ${fit('next')} and still give the answer it gave.`;
}
