/**
 * A binary min-heap of events ordered by (time, insertion sequence). The sequence makes
 * the order of simultaneous events deterministic: first scheduled, first run.
 * Times, sequence numbers and events sit in three parallel arrays, so scheduling an event
 * allocates nothing: the simulator's hot path runs this millions of times a second.
 */
export class EventQueue<E> {
  private readonly times: number[] = [];
  private readonly seqs: number[] = [];
  private readonly events: E[] = [];
  private seq = 0;
  /** The time of the event `pop` returned last. */
  lastTime = 0;

  get size(): number {
    return this.events.length;
  }

  push(at: number, event: E): void {
    const { times, seqs, events } = this;
    const seq = this.seq++;
    let i = events.length;
    times.push(at);
    seqs.push(seq);
    events.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < at || (pt === at && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      events[i] = events[parent]!;
      i = parent;
    }
    times[i] = at;
    seqs[i] = seq;
    events[i] = event;
  }

  peekTime(): number {
    return this.events.length > 0 ? this.times[0]! : Infinity;
  }

  /** Remove and return the earliest event; its time is then in `lastTime`. */
  pop(): E | undefined {
    const { times, seqs, events } = this;
    const n = events.length - 1;
    if (n < 0) return undefined;
    const top = events[0]!;
    this.lastTime = times[0]!;
    const at = times.pop()!;
    const seq = seqs.pop()!;
    const event = events.pop()!;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (times[r]! < times[l]! || (times[r] === times[l] && seqs[r]! < seqs[l]!)) ? r : l;
      const ct = times[child]!;
      if (at < ct || (at === ct && seq < seqs[child]!)) break;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      events[i] = events[child]!;
      i = child;
    }
    times[i] = at;
    seqs[i] = seq;
    events[i] = event;
    return top;
  }
}
