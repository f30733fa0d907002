import type { OpRecord, Trace, TraceEvent } from '../sim/trace.ts';

export interface NarrationLine {
  readonly at: number;
  readonly text: string;
}

/**
 * What happened in (from, to], in words, oldest first: operations that completed, and
 * faults. `staleIds` marks reads that missed an acknowledged write.
 */
export function narrate(trace: Trace, from: number, to: number, staleIds: ReadonlySet<number>): NarrationLine[] {
  const lines: NarrationLine[] = [];
  for (const e of trace.events) {
    if (e.at > from && e.at <= to) lines.push({ at: e.at, text: describeEvent(e) });
  }
  for (const op of trace.ops) {
    if (op.invokedAt > from && op.invokedAt <= to) lines.push({ at: op.invokedAt, text: describeInvoke(op) });
    if (op.completedAt !== null && op.completedAt > from && op.completedAt <= to) lines.push({ at: op.completedAt, text: describeOutcome(op, staleIds.has(op.id)) });
  }
  return lines.sort((a, b) => a.at - b.at);
}

export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case 'link':
      return `Link ${e.from}→${e.to} ${e.cut ? 'cut' : 'healed'}`;
    case 'crash':
      return `${e.node} crashed${e.lostUndurable ? ', losing what it had not yet saved to disk' : ''}`;
    case 'recover':
      return `${e.node} recovered`;
    case 'skew':
      return `${e.node}'s clock now runs ${Math.abs(e.ms)} ms ${e.ms >= 0 ? 'ahead' : 'behind'}`;
    case 'quorum':
      return `Quorums set to W=${e.w}, R=${e.r}`;
    case 'network':
      return `Message loss set to ${Math.round(e.loss * 100)}%`;
  }
}

export function describeInvoke(op: OpRecord): string {
  return op.kind === 'write' ? `${op.client} writes ${op.key}=${op.value} through ${op.coordinator}` : `${op.client} reads ${op.key} through ${op.coordinator}`;
}

export function describeOutcome(op: OpRecord, stale: boolean): string {
  const what = op.kind === 'write' ? `Write ${op.key}=${op.value}` : `Read of ${op.key}`;
  if (op.outcome === 'fail') return `${what} failed: ${op.reason}`;
  if (op.outcome === 'timeout') return `${what} timed out: ${op.client} heard nothing back`;
  if (op.kind === 'write') return `${what} acknowledged by ${op.quorum.join(', ')}`;
  const result = op.result && op.result.length > 0 ? op.result.join(' and ') : 'nothing';
  const siblings = op.result && op.result.length > 1 ? ' (concurrent siblings)' : '';
  return `${what} returned ${result}${siblings}${stale ? ' — stale: it missed an acknowledged write' : ''}`;
}
