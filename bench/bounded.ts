import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { encodeRun } from '../src/embed/urlCodec.ts';
import { replicaIds } from '../src/sim/ids.ts';
import { makeScenario, type Action } from '../src/sim/scenario.ts';
import { serve } from './frames.ts';

/** Longest main-thread tasks, in ms, where input once locked the tab. */
export interface BoundedResult {
  /** Opening the link: 9 replicas, N = W = R = 9, 100 keys, anti-entropy every 250 ms, an hour. */
  readonly heavyLink: number;
  /** Opening the smaller run that link is offered, simulated in slices. */
  readonly smallerRun: number;
  /** Opening a link to a ten-minute run of 8,000 operations (just under the address's length limit). */
  readonly longLink: number;
  /** Dragging the timeline end to end over that run. */
  readonly drag: number;
  /** Opening a run file of 12,000 operations (about 1 MB). */
  readonly file: number;
}

const OBSERVE = () => {
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

export async function benchBounded(): Promise<BoundedResult> {
  const dist = resolve('dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('bench/bounded: dist/index.html is missing; run `npm run build` first.');
  const ids = replicaIds(9);
  const heavy = makeScenario({ cluster: { replicas: 9, n: 9, w: 9, r: 9, antiEntropyMs: 250 }, script: Array.from({ length: 100 }, (_, i) => ({ at: i, type: 'write', client: 'c1', coordinator: ids[i % 9]!, key: `k${i}`, value: '1' }) as Action) });
  const long = makeScenario({
    cluster: { replicas: 5, n: 3, w: 2, r: 2, antiEntropyMs: 1000 },
    script: Array.from({ length: 8000 }, (_, i) => ({ at: i * 75, type: i % 2 ? 'write' : 'read', client: 'c1', coordinator: 'ABCDE'[i % 5]!, key: `k${i % 20}`, ...(i % 2 ? { value: String(i) } : {}) }) as Action),
  });
  const server = await serve(dist);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/?lab=playground&run=`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(OBSERVE);
    // Long tasks reach the observer a moment after they end: wait for the last one to arrive.
    const longest = async () => {
      await page.waitForTimeout(300);
      return Math.max(0, ...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0))));
    };
    // The observer works here, or every figure below would read 0: one deliberate long task first.
    await page.goto(`http://127.0.0.1:${port}/?lab=playground`);
    await page.evaluate(() =>
      setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
      }, 0),
    );
    if ((await longest()) < 60) throw new Error('bench/bounded: this browser reports no long tasks, so nothing here can be measured');

    await page.goto(base + encodeRun({ scenario: heavy, time: 3_600_000 }));
    await page.getByRole('alert').waitFor();
    await page.waitForTimeout(500);
    const heavyLink = await longest();
    await page.getByRole('button', { name: /^Open it up to / }).click();
    await page.getByRole('timer', { name: 'Simulated time', exact: true }).filter({ hasNotText: 't = 0.00 s' }).waitFor({ timeout: 60_000 });
    const smallerRun = await longest();

    await page.goto(base + encodeRun({ scenario: long, time: 0 }));
    await page.getByText('8000 actions in this run').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const longLink = await longest();
    const slider = page.getByRole('slider', { name: 'Timeline', exact: true });
    // The timeline sits under the picture: on a short viewport, below the first screen.
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / 30, box.y + box.height / 2);
    await page.mouse.up();
    // The drag must have reached the end, or it measured nothing.
    await page.getByRole('timer', { name: 'Simulated time', exact: true }).filter({ hasText: /t = (59\d|6\d\d)\.\d\d s/ }).waitFor({ timeout: 30_000 });
    const drag = await longest();

    const file = join(mkdtempSync(join(tmpdir(), 'bounded-')), 'long-run.json');
    const script = Array.from({ length: 12_000 }, (_, i) => ({ at: i * 50, type: i % 2 ? 'write' : 'read', client: i % 2 ? 'c1' : 'c2', coordinator: 'ABCDE'[i % 5]!, key: `k${i % 20}`, ...(i % 2 ? { value: String(i) } : {}) }) as Action);
    writeFileSync(file, JSON.stringify(makeScenario({ cluster: { replicas: 5, n: 3, w: 2, r: 2, antiEntropyMs: 1000 }, script })));
    await page.goto(`http://127.0.0.1:${port}/?lab=playground`);
    await page.waitForTimeout(500);
    await longest();
    await page.getByLabel('Run file to open').setInputFiles(file);
    await page.getByText('12000 actions in this run').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const fileTask = await longest();
    return { heavyLink, smallerRun, longLink, drag, file: fileTask };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
