import type { Millis, NodeId } from './ids.ts';
import type { MessageRecord, Trace, TraceEvent } from './trace.ts';

/** The cluster as it stood at one moment, rebuilt from a trace. */
export interface Moment {
  readonly at: Millis;
  /** Each replica's state per key (keys it holds nothing for are absent). */
  readonly storage: ReadonlyMap<NodeId, ReadonlyMap<string, unknown>>;
  readonly down: ReadonlySet<NodeId>;
  readonly skew: ReadonlyMap<NodeId, number>;
  /** Directed links that are cut, as "from>to". */
  readonly cuts: ReadonlySet<string>;
  /** Messages sent at or before `at` that had not yet arrived or been dropped. */
  readonly inFlight: readonly MessageRecord[];
}

interface Series {
  readonly times: number[];
  readonly states: unknown[];
}

/**
 * An index over a trace that answers "what did the cluster look like at time t" in
 * O(log n) per replica and key, so scrubbing through a long run stays instant. Call
 * `refresh()` after the simulation has run further; it indexes only what is new.
 */
export class Timeline {
  private readonly series = new Map<NodeId, Map<string, Series>>();
  private changesSeen = 0;

  constructor(private readonly trace: Trace) {
    this.refresh();
  }

  refresh(): void {
    const { changes } = this.trace;
    for (; this.changesSeen < changes.length; this.changesSeen++) {
      const i = this.changesSeen;
      const node = changes.node(i);
      const key = changes.key(i);
      let byKey = this.series.get(node);
      if (!byKey) this.series.set(node, (byKey = new Map()));
      let s = byKey.get(key);
      if (!s) byKey.set(key, (s = { times: [], states: [] }));
      s.times.push(changes.changedAt(i));
      s.states.push(changes.state(i));
    }
  }

  /** A replica's state for a key at time t (undefined: it held nothing yet). */
  stateAt(node: NodeId, key: string, t: number): unknown {
    const s = this.series.get(node)?.get(key);
    if (!s) return undefined;
    const i = lastAtOrBefore(s.times, t);
    return i < 0 ? undefined : s.states[i];
  }

  /** Every key any replica has held so far, sorted. */
  keys(): string[] {
    const out = new Set<string>();
    for (const byKey of this.series.values()) for (const k of byKey.keys()) out.add(k);
    return [...out].sort();
  }

  moment(t: number, replicas: readonly NodeId[]): Moment {
    const storage = new Map<NodeId, Map<string, unknown>>();
    for (const node of replicas) {
      const held = new Map<string, unknown>();
      for (const key of this.series.get(node)?.keys() ?? []) {
        const st = this.stateAt(node, key, t);
        if (st !== undefined) held.set(key, st);
      }
      storage.set(node, held);
    }
    const { down, skew, cuts } = replayEvents(this.trace.events, t);
    return { at: t as Millis, storage, down, skew, cuts, inFlight: this.inFlightAt(t) };
  }

  /** Messages with sentAt ≤ t < endAt, oldest first. */
  inFlightAt(t: number): MessageRecord[] {
    const log = this.trace.messages;
    const reach = t - log.longestFlight;
    const out: MessageRecord[] = [];
    for (let i = log.lastSentAtOrBefore(t); i >= 0; i--) {
      if (log.sentAt(i) < reach) break;
      // endAt is deliverAt while a message is in flight, so this holds for those too.
      if (log.endAt(i) > t) out.push(log.get(i)!);
    }
    return out.reverse();
  }
}

function replayEvents(events: readonly TraceEvent[], t: number) {
  const down = new Set<NodeId>();
  const skew = new Map<NodeId, number>();
  const cuts = new Set<string>();
  for (const e of events) {
    if (e.at > t) break;
    if (e.type === 'crash') down.add(e.node);
    else if (e.type === 'recover') down.delete(e.node);
    else if (e.type === 'skew') skew.set(e.node, e.ms);
    else if (e.type === 'link') {
      if (e.cut) cuts.add(`${e.from}>${e.to}`);
      else cuts.delete(`${e.from}>${e.to}`);
    }
  }
  return { down, skew, cuts };
}

/** Index of the last element whose time is ≤ t, or -1. The array is sorted by time. */
export function lastAtOrBefore<T>(items: readonly T[], t: number, time: (x: T) => number = (x) => x as unknown as number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time(items[mid]!) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** How many of the sorted times come strictly before t: the index just past the last one. */
export function countBefore(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
