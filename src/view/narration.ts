import { leader } from '../sim/leaderHooks.ts';
import type { OpRecord, Trace, TraceEvent } from '../sim/trace.ts';
import type { ValueWords } from './valueWords.ts';

/** What narration needs of a strategy: how to put its writes in words, if it has a way. */
type Words = Pick<ValueWords, 'describeWrite'> | undefined;

const NO_IDS: ReadonlySet<number> = new Set();

export interface NarrationLine {
  readonly at: number;
  readonly text: string;
}

/**
 * What happened in (from, to], in words, oldest first: operations that completed, and
 * faults. `staleIds` marks reads that missed an acknowledged write, and `lostIds`
 * acknowledged writes that are lost.
 */
export function narrate(trace: Trace, from: number, to: number, staleIds: ReadonlySet<number>, words?: Words, lostIds: ReadonlySet<number> = NO_IDS): NarrationLine[] {
  const lines: NarrationLine[] = [];
  const events = trace.events.filter((e) => e.at > from && e.at <= to);
  for (const group of groupLinkChanges(events)) lines.push(group);
  for (const e of events) if (e.type !== 'link') lines.push({ at: e.at, text: describeEvent(e) });
  for (const op of trace.ops) {
    if (op.invokedAt > from && op.invokedAt <= to) lines.push({ at: op.invokedAt, text: describeInvoke(op, words) });
    if (op.completedAt !== null && op.completedAt > from && op.completedAt <= to) lines.push({ at: op.completedAt, text: describeOutcome(op, staleIds.has(op.id) ? 'stale' : lostIds.has(op.id) ? 'lost' : null, words) });
  }
  return lines.sort((a, b) => a.at - b.at);
}

/**
 * Link changes made at one moment, told as one line: a partition cuts a dozen directed
 * links at once, and "A↔C" says in one word what two directions say in two.
 */
function groupLinkChanges(events: readonly TraceEvent[]): NarrationLine[] {
  const groups = new Map<string, { at: number; cut: boolean; pairs: Set<string> }>();
  for (const e of events) {
    if (e.type !== 'link') continue;
    const id = `${e.at}|${e.cut}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { at: e.at, cut: e.cut, pairs: new Set() }));
    g.pairs.add(`${e.from}>${e.to}`);
  }
  return [...groups.values()].map(({ at, cut, pairs }) => {
    const names: string[] = [];
    for (const p of pairs) {
      const [a, b] = p.split('>') as [string, string];
      if (pairs.has(`${b}>${a}`)) {
        if (a < b) names.push(`${a}↔${b}`);
      } else names.push(`${a}→${b}`);
    }
    const verb = cut ? 'cut' : 'healed';
    return { at, text: names.length === 1 ? `Link ${names[0]} ${verb}` : `Links ${verb}: ${names.join(', ')}` };
  });
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
    case 'failover':
      return `${e.client} heard nothing from ${e.from} in time and sent its request to ${e.to} instead`;
    case 'promote':
    case 'step-down':
    case 'rollback':
      // Only runs with leaders have these; their words load with the protocol (leaderHooks.ts).
      return leader().words(e);
  }
}

export function describeInvoke(op: OpRecord, words?: Words): string {
  if (op.kind === 'read') return `${op.client} reads ${op.key} through ${op.coordinator}`;
  const clause = words?.describeWrite?.(op.key, op.value ?? '').clause ?? `writes ${op.key}=${op.value}`;
  return `${op.client} ${clause} through ${op.coordinator}`;
}

/**
 * What a checker found wrong with a finished operation: a read that missed an
 * acknowledged write, or an acknowledged write that is lost (see check/lostWrites.ts).
 */
export type OpMark = 'stale' | 'lost' | null;

export function describeOutcome(op: OpRecord, mark: OpMark, words?: Words): string {
  const what = op.kind === 'write' ? (words?.describeWrite?.(op.key, op.value ?? '').subject ?? `Write ${op.key}=${op.value}`) : `Read of ${op.key}`;
  if (op.outcome === 'fail') return `${what} failed: ${op.reason}`;
  if (op.outcome === 'timeout') return `${what} timed out: ${op.client} heard nothing back`;
  if (op.kind === 'write') return `${what} acknowledged by ${op.quorum.join(', ')}${mark === 'lost' ? ' — lost: no replica will keep it' : ''}`;
  const result = op.result && op.result.length > 0 ? op.result.join(' and ') : 'nothing';
  const siblings = op.result && op.result.length > 1 ? ' (concurrent siblings)' : '';
  return `${what} returned ${result}${siblings}${mark === 'stale' ? ' — stale: it missed an acknowledged write' : ''}`;
}
