import type { HistoryOp } from './history.ts';

/**
 * A smaller history that still breaks a model: reads are dropped while what is left still
 * breaks it, then writes no remaining read returned (dropping such a write cannot mend a
 * history, nor break one: no read depended on it). Compare-and-sets stay. Dropping goes in
 * chunks, halving the chunk when none of its size can go, as delta debugging does, so a
 * witness of a few operations in a history of hundreds takes tens of checks, not hundreds.
 * `stillBad` is the model's checker; it answers false once it has run out of budget.
 */
export function shrink(ops: readonly HistoryOp[], stillBad: (candidate: HistoryOp[]) => boolean): HistoryOp[] {
  let kept = [...ops];
  const pass = (canDrop: (op: HistoryOp) => boolean) => {
    let chunk = Math.max(1, kept.filter(canDrop).length >> 1);
    for (;;) {
      const droppable = kept.filter(canDrop);
      let dropped = false;
      for (let i = 0; i < droppable.length; i += chunk) {
        const out = new Set(droppable.slice(i, i + chunk));
        const without = kept.filter((o) => !out.has(o));
        if (stillBad(without)) {
          kept = without;
          dropped = true;
        }
      }
      if (!dropped) {
        if (chunk === 1) return;
        chunk >>= 1;
      }
    }
  };
  pass((op) => op.f === 'read');
  pass((op) => op.f === 'write' && !kept.some((r) => returned(r, op.value)));
  return kept;
}

/** Whether a read returned this value (alone or among siblings). */
export function returned(read: HistoryOp, value: unknown): boolean {
  if (read.f !== 'read') return false;
  const v = read.value;
  return Array.isArray(v) ? v.includes(value as never) : v === value;
}
