import { createRng } from '../src/sim/rng.ts';

/**
 * The reference the simulator is measured against, in the same process and run: the
 * standard workload's shape (bench/simulator.ts) in the smallest event loop that can carry
 * it. A binary heap of (time, kind, payload) in parallel arrays, N = 5, W = R = 3,
 * exponential latencies with the same mean, a client hop each way, a coordinator timeout
 * and a client timeout per operation, anti-entropy every second to a random peer (push and
 * reply), last-write-wins by a number. No trace, no records, no strings: what is left is
 * the cost of the events themselves, so the ratio says what the simulator's tracing and
 * generality cost.
 */
const N = 5;
const W = 3;
const R = 3;
const KEYS = 50;
const MEAN_LATENCY_MS = 10;
const TIMEOUT_MS = 1000;
const AE_MS = 1000;

// Event kinds.
const INVOKE = 0;
const AT_COORD = 1; // the request reaches its coordinator
const REPLICATE = 2; // a write reaches a replica
const ACK = 3; // a replica's ack (or read answer) reaches the coordinator
const REPLY = 4; // the answer reaches the client
const COORD_TIMEOUT = 5;
const CLIENT_TIMEOUT = 6;
const SYNC = 7;
const SYNC_REPLY = 8;
const AE_TIMER = 9;

class Heap {
  t: number[] = [];
  k: number[] = [];
  a: number[] = [];
  b: number[] = [];
  push(time: number, kind: number, x: number, y: number): void {
    const { t, k, a, b } = this;
    let i = t.length;
    t.push(time);
    k.push(kind);
    a.push(x);
    b.push(y);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (t[p]! <= time) break;
      t[i] = t[p]!;
      k[i] = k[p]!;
      a[i] = a[p]!;
      b[i] = b[p]!;
      i = p;
    }
    t[i] = time;
    k[i] = kind;
    a[i] = x;
    b[i] = y;
  }
  /** Pops into `out`: [time, kind, a, b]. False when empty. */
  pop(out: number[]): boolean {
    const { t, k, a, b } = this;
    const n = t.length - 1;
    if (n < 0) return false;
    out[0] = t[0]!;
    out[1] = k[0]!;
    out[2] = a[0]!;
    out[3] = b[0]!;
    const lt = t.pop()!;
    const lk = k.pop()!;
    const la = a.pop()!;
    const lb = b.pop()!;
    if (n === 0) return true;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && t[r]! < t[l]! ? r : l;
      if (t[c]! >= lt) break;
      t[i] = t[c]!;
      k[i] = k[c]!;
      a[i] = a[c]!;
      b[i] = b[c]!;
      i = c;
    }
    t[i] = lt;
    k[i] = lk;
    a[i] = la;
    b[i] = lb;
    return true;
  }
}

/** Run `ops` operations (one every 2 ms, half writes) plus ten seconds; returns the events processed. */
export function bareLoop(ops: number, seed = 1): number {
  const rng = createRng(seed);
  const latency = () => -Math.log(1 - rng.next()) * MEAN_LATENCY_MS;
  const heap = new Heap();
  // Per replica and key, the newest timestamp held.
  const store = new Float64Array(N * KEYS);
  // Per operation: key, coordinator, whether a write, acks so far, done.
  const opKey = new Int32Array(ops);
  const opCoord = new Int8Array(ops);
  const opWrite = new Uint8Array(ops);
  const opAcks = new Int8Array(ops);
  const opDone = new Uint8Array(ops);
  for (let i = 0; i < ops; i++) {
    opKey[i] = rng.int(KEYS);
    opCoord[i] = rng.int(N);
    opWrite[i] = rng.next() < 0.5 ? 1 : 0;
    heap.push(i * 2, INVOKE, i, 0);
  }
  for (let r = 0; r < N; r++) heap.push(rng.next() * AE_MS, AE_TIMER, r, 0);
  const end = ops * 2 + 10_000;
  const ev = [0, 0, 0, 0];
  let events = 0;
  while (heap.pop(ev)) {
    const [now, kind, x, y] = ev as [number, number, number, number];
    if (now > end) break;
    events++;
    switch (kind) {
      case INVOKE:
        heap.push(now + latency(), AT_COORD, x, 0);
        heap.push(now + 2 * TIMEOUT_MS, CLIENT_TIMEOUT, x, 0);
        break;
      case AT_COORD: {
        const coord = opCoord[x]!;
        heap.push(now + TIMEOUT_MS, COORD_TIMEOUT, x, 0);
        for (let r = 0; r < N; r++) {
          if (r === coord) {
            if (opWrite[x]) store[r * KEYS + opKey[x]!] = now;
            opAcks[x]!++;
          } else heap.push(now + latency(), REPLICATE, x, r);
        }
        break;
      }
      case REPLICATE: {
        const slot = y * KEYS + opKey[x]!;
        if (opWrite[x] && store[slot]! < now) store[slot] = now;
        heap.push(now + latency(), ACK, x, y);
        break;
      }
      case ACK:
        if (++opAcks[x]! === (opWrite[x] ? W : R) && !opDone[x]) {
          opDone[x] = 1;
          heap.push(now + latency(), REPLY, x, 0);
        }
        break;
      case REPLY:
      case COORD_TIMEOUT:
      case CLIENT_TIMEOUT:
        break;
      case AE_TIMER: {
        heap.push(now + AE_MS, AE_TIMER, x, 0);
        let peer = rng.int(N - 1);
        if (peer >= x) peer++;
        heap.push(now + latency(), SYNC, x, peer);
        break;
      }
      case SYNC: {
        // y merges x's states, and replies with what it holds newer.
        let newer = 0;
        for (let k = 0; k < KEYS; k++) {
          const mine = store[y * KEYS + k]!;
          const theirs = store[x * KEYS + k]!;
          if (theirs > mine) store[y * KEYS + k] = theirs;
          else if (mine > theirs) newer++;
        }
        if (newer > 0) heap.push(now + latency(), SYNC_REPLY, y, x);
        break;
      }
      case SYNC_REPLY:
        for (let k = 0; k < KEYS; k++) if (store[x * KEYS + k]! > store[y * KEYS + k]!) store[y * KEYS + k] = store[x * KEYS + k]!;
        break;
    }
  }
  return events;
}

export interface BareResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}
