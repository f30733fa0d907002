/**
 * A binary min-heap of events ordered by (time, insertion sequence). The sequence makes
 * the order of simultaneous events deterministic: first scheduled, first run.
 * Times and sequence numbers sit in typed arrays beside the events, and the heap keeps its
 * own size, so scheduling allocates nothing and the arrays never shrink and regrow: the
 * simulator's hot path runs this millions of times a second.
 */
export class EventQueue<E> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private events: (E | undefined)[] = new Array<E | undefined>(1024);
  private n = 0;
  private seq = 0;
  /** The time of the event `pop` returned last. */
  lastTime = 0;

  get size(): number {
    return this.n;
  }

  push(at: number, event: E): void {
    if (this.n === this.times.length) this.grow();
    const { times, seqs, events } = this;
    const seq = this.seq++;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < at || (pt === at && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      events[i] = events[parent];
      i = parent;
    }
    times[i] = at;
    seqs[i] = seq;
    events[i] = event;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.events.length = size;
  }

  peekTime(): number {
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  /** Remove and return the earliest event; its time is then in `lastTime`. */
  pop(): E | undefined {
    const { times, seqs, events } = this;
    if (this.n === 0) return undefined;
    const top = events[0];
    this.lastTime = times[0]!;
    const n = --this.n;
    // The last element goes in the hole at the root and sinks.
    const at = times[n]!;
    const seq = seqs[n]!;
    const event = events[n];
    events[n] = undefined;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = l;
      if (r < n) {
        const tr = times[r]!;
        const tl = times[l]!;
        if (tr < tl || (tr === tl && seqs[r]! < seqs[l]!)) child = r;
      }
      const ct = times[child]!;
      if (at < ct || (at === ct && seq < seqs[child]!)) break;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      events[i] = events[child];
      i = child;
    }
    times[i] = at;
    seqs[i] = seq;
    events[i] = event;
    return top;
  }
}
