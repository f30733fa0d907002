import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeRun } from '../src/embed/urlCodec.ts';
import { replicaIds } from '../src/sim/ids.ts';
import { makeScenario, type Action } from '../src/sim/scenario.ts';

/*
 * Valid input that asks for too much is bad input too: it must not lock the tab. These
 * tests open the heavy runs that once froze the page (for 15 s, or for good) and check
 * that it keeps answering and that no task holds it for a second. Long tasks are
 * wall-clock: on a two-core machine running two browsers, a preview server and another
 * test, a scrub step of 20 ms (quiet, measured on this page) was once seen taking 337 ms
 * because the page was not given the processor. So the 50 ms budget is not checked here:
 * `npm run bench` measures it beside a reference, and the README reports it. Here the
 * bar is a lock a person would call a hang, LOCK_MS, which noise does not reach and the
 * freezes these tests were written for far exceed.
 */
const LOCK_MS = 1000;

// Playwright's trace snapshots the DOM on the page's own main thread at every action, and
// those snapshots would count as the page's long tasks.
test.use({ trace: 'off' });

/** Tasks longer than LOCK_MS the page has run since the last call, in ms (all long tasks are recorded; these are the locks). */
async function locks(page: Page): Promise<number[]> {
  // Long tasks reach the observer a moment after they end.
  await page.waitForTimeout(300);
  const all = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
  return all.filter((ms) => ms > LOCK_MS);
}

async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The link: 9 replicas, N = W = R = 9, 100 keys, anti-entropy every 250 ms, the playhead at one hour. */
function heavyLink(): string {
  const ids = replicaIds(9);
  const script: Action[] = Array.from({ length: 100 }, (_, i) => ({ at: i, type: 'write', client: 'c1', coordinator: ids[i % 9]!, key: `k${i}`, value: '1' }));
  return encodeRun({ scenario: makeScenario({ cluster: { replicas: 9, n: 9, w: 9, r: 9, antiEntropyMs: 250 }, script }), time: 3_600_000 });
}

test.describe('runs that ask for too much', () => {
  test('a link to an hour of 9 replicas and 100 keys is refused in words at once, the lab keeps working, and the smaller run it offers opens', async ({ page }) => {
    await watchLongTasks(page);
    await page.goto(`./?lab=playground&run=${heavyLink()}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This run is too heavy to simulate here: 9 replicas, 100 keys, 100 reads and writes and anti-entropy every 250 ms', { timeout: 5000 });
    await expect(alert).toContainText('The lab started with its default settings instead.');
    const scan = await new AxeBuilder({ page }).include('.notice').analyze();
    expect(scan.violations.map((v) => v.id)).toEqual([]);
    // The lab answers: Play starts the clock.
    await page.getByRole('toolbar', { name: 'Playback', exact: true }).getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('toolbar', { name: 'Playback', exact: true }).getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 1000 });
    await page.getByRole('toolbar', { name: 'Playback', exact: true }).getByRole('button', { name: 'Pause' }).click();
    // The smaller run: the same cluster and script, the playhead where the budget reaches.
    await alert.getByRole('button', { name: /^Open it up to \d+:\d\d instead$/ }).click();
    await expect(page.getByRole('timer', { name: 'Simulated time', exact: true })).not.toHaveText('t = 0.00 s', { timeout: 30_000 });
    expect(await locks(page)).toEqual([]);
  });

  test('opening a 1 MB run file of 12,000 operations, and dragging its timeline end to end, never locks the page', async ({ page }, info) => {
    const script: Action[] = Array.from({ length: 12_000 }, (_, i) =>
      i % 2 ? { at: i * 50, type: 'write', client: 'c1', coordinator: 'ABCDE'[i % 5]!, key: `k${i % 20}`, value: String(i) } : { at: i * 50, type: 'read', client: 'c2', coordinator: 'ABCDE'[i % 5]!, key: `k${i % 20}` },
    );
    const file = info.outputPath('long-run.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(makeScenario({ cluster: { replicas: 5, n: 3, w: 2, r: 2, antiEntropyMs: 1000 }, script })));
    await watchLongTasks(page);
    await page.goto('./?lab=playground');
    await page.getByLabel('Run file to open').setInputFiles(file);
    await expect(page.getByText('12000 actions in this run')).toBeVisible({ timeout: 10_000 });
    // Opening it does not lock the page either (the 50 ms budget is the bench's).
    expect(await locks(page)).toEqual([]);
    const slider = page.getByRole('slider', { name: 'Timeline', exact: true });
    // The timeline is under the picture, which may be below the first screen on the test's viewport.
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / 20, box.y + box.height / 2);
    await page.mouse.up();
    await expect(page.getByRole('timer', { name: 'Simulated time', exact: true })).toHaveText(/t = 6\d\d\.\d\d s/, { timeout: 30_000 });
    expect(await locks(page)).toEqual([]);
  });
});
