import { chromium } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { encodeRun } from '../src/embed/urlCodec.ts';
import { VIRTUAL_MS_PER_REAL_MS } from '../src/machines/playbackMachine.ts';
import { makeScenario, type Action, type Scenario } from '../src/sim/scenario.ts';
import { Simulation } from '../src/sim/simulation.ts';
import { Timeline } from '../src/sim/timeline.ts';

/**
 * The animation budget of DESIGN.md: frame time while the playground animates 9 replicas
 * with about 200 messages in flight at 4× speed, in headless Chromium, over the built site.
 */
export interface FrameResult {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Messages in flight over the measured window: the least and most the cluster showed. */
  inFlightMin: number;
  inFlightMax: number;
  /** Main-thread tasks over 50 ms while measuring. */
  longTasks: number;
  /** With `profile: true`, the hottest functions while measuring. */
  hot?: string[];
}

const SPEED = 4;
const REPLICAS = 'ABCDEFGHI';
const CLIENTS = ['c1', 'c2', 'c3', 'c4'];
/** Playhead when playing starts: by then the first operations have done all four hops. */
const BUSY_FROM = 4000;
/*
 * Each operation is about 18 messages: the client's request, 8 to the other replicas, 8
 * back, the reply, each 400–800 ms (600 on average), so one holds ~10.8 messages in flight
 * for a second of virtual time. One every 40 ms keeps ~270 in flight (Little's law).
 */
const OP_EVERY_MS = 40;
const MIN_IN_FLIGHT = 200;

/** Writes (and every fourth a read) to three keys, round-robin over clients and coordinators. */
export function framesWorkload(until: number): Scenario {
  const script: Action[] = [];
  for (let i = 0, at = 0; at < until; i++, at += OP_EVERY_MS) {
    const client = CLIENTS[i % CLIENTS.length]!;
    const coordinator = REPLICAS[i % REPLICAS.length]!;
    const key = 'xyz'[i % 3]!;
    script.push(i % 4 === 3 ? { at, type: 'read', client, coordinator, key } : { at, type: 'write', client, coordinator, key, value: String(i) });
  }
  return makeScenario({
    seed: 9,
    cluster: { replicas: 9, n: 9, w: 1, r: 1, clients: CLIENTS, timeoutMs: 5000, antiEntropyMs: 0 },
    network: { latency: { kind: 'uniform', min: 400, max: 800 } },
    script,
  });
}

/** Least and most messages in flight over [from, to], sampled every 5 ms in Node. */
export function inFlightRange(scenario: Scenario, from: number, to: number): { min: number; max: number } {
  const sim = new Simulation(scenario);
  sim.runUntil(to + 2000);
  const timeline = new Timeline(sim.trace);
  let min = Infinity;
  let max = 0;
  for (let t = from; t <= to; t += 5) {
    const n = timeline.inFlightAt(t).length;
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  return { min, max };
}

export async function benchFrames(opts: { seconds?: number; profile?: boolean; height?: number } = {}): Promise<FrameResult> {
  const seconds = opts.seconds ?? 5;
  const dist = resolve('dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('bench/frames: dist/index.html is missing; run `npm run build` first.');
  // At 4× the playhead moves 0.4 virtual ms a real ms; keep the load up for twice the span played.
  const busyTo = BUSY_FROM + 2 * (seconds + 2) * 1000 * SPEED * VIRTUAL_MS_PER_REAL_MS;
  const scenario = framesWorkload(busyTo + 1000);
  const node = inFlightRange(scenario, BUSY_FROM, busyTo);
  if (node.min < MIN_IN_FLIGHT) throw new Error(`bench/frames: the workload keeps only ${node.min} messages in flight (want ≥ ${MIN_IN_FLIGHT})`);
  const run = encodeRun({ scenario, time: BUSY_FROM });

  const server = await serve(dist);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  try {
    const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: opts.height ?? 800 } });
      const { port } = server.address() as AddressInfo;
      const response = await page.goto(`http://127.0.0.1:${port}/?lab=playground&run=${run}`);
      if (!response?.ok()) throw new Error(`bench/frames: dist/ answered ${response?.status()} for index.html (is a build running?)`);
      const cluster = await page.getByRole('group', { name: /^Cluster at/ }).elementHandle();
      await page.getByLabel('Speed').selectOption({ label: `${SPEED}×` });
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(300); // let the first frames settle

      const cdp = opts.profile ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const measuring = page.evaluate(measureFrames, seconds * 1000);
      const labels: string[] = [];
      for (let i = 0; i < 5; i++) {
        await page.waitForTimeout((seconds * 1000) / 6);
        labels.push((await cluster.getAttribute('aria-label')) ?? '');
      }
      const { deltas, longTasks } = await measuring;
      const hot = cdp ? hottest((await cdp.send('Profiler.stop')).profile as CpuProfile) : undefined;
      labels.push((await cluster.getAttribute('aria-label')) ?? '');

      const shown = labels.map((l) => Number(/(\d+) messages in flight/.exec(l)?.[1] ?? NaN));
      const times = labels.map((l) => Number(/^Cluster at ([\d.]+) s/.exec(l)?.[1] ?? NaN));
      if (shown.some((n) => !(n >= 150))) throw new Error(`bench/frames: the cluster showed too few messages in flight (${shown.join(', ')}): the workload is wrong`);
      if (!(times.at(-1)! > times[0]!)) throw new Error(`bench/frames: the playhead did not move (${times.join(', ')} s): did Play work?`);
      if (deltas.length < 10) throw new Error(`bench/frames: only ${deltas.length} frames in ${seconds} s`);

      const sorted = [...deltas].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      return { frames: deltas.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, inFlightMin: Math.min(...shown), inFlightMax: Math.max(...shown), longTasks, ...(hot ? { hot } : {}) };
    } finally {
      await browser.close();
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions that took the most of the profile's time, each with its share. */
function hottest(profile: CpuProfile, count = 15): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, t]) => `${((100 * t) / total).toFixed(1)}% ${name}`);
}

/** Runs in the page: rAF deltas for `ms` of real time, and how many long tasks happened. */
function measureFrames(ms: number): Promise<{ deltas: number[]; longTasks: number }> {
  return new Promise((done) => {
    const deltas: number[] = [];
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 50) longTasks++;
    });
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    let last = -1;
    requestAnimationFrame(function frame(now) {
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(frame);
      else {
        observer.disconnect();
        done({ deltas, longTasks });
      }
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static server over dist/ on a free port of 127.0.0.1, in this process; it takes links as long as a run may make them. */
export function serve(root: string): Promise<Server> {
  const server = createServer({ maxHeaderSize: 1 << 20 }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready(server));
  });
}
