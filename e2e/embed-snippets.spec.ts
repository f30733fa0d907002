import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { snippetFor, snippetText } from '../src/embed/snippets.ts';
import { CROSS_ORIGIN, hostOf, labBase } from './pages/docsHost.ts';

/**
 * What the README and the "Embed this" dialog hand out works (issue 16): the plain-HTML
 * snippet, pasted as it is into a docs page on another origin, shows the lab in a
 * sandboxed frame that embed.js grows from its first height to the lab's; and the host
 * demo page served beside the lab drives it and logs what it says.
 */

test.use(CROSS_ORIGIN);

const TITLE = 'Eventual Consistency Lab: Replica playground';

/** Every height the lab's frame has had, from before the lab first spoke (recorded in the page, as it happens). */
async function recordFrameHeights(page: Page) {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const heights: number[] = [];
    (window as unknown as { frameHeights: number[] }).frameHeights = heights;
    const watch = (frame: HTMLIFrameElement) => new ResizeObserver(() => heights.push(frame.getBoundingClientRect().height)).observe(frame);
    new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) if (node instanceof HTMLIFrameElement) watch(node);
    }).observe(document, { childList: true, subtree: true });
  });
}

test.describe('the snippets and the host demo', () => {
  test('the plain-HTML snippet, pasted into a page on another origin, shows the lab and grows its frame to the lab', async ({ page }) => {
    const snippet = snippetText(snippetFor('html', `${labBase()}?lab=playground`, TITLE));
    const host = hostOf();
    await page.route(`${host}**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Docs</title><h1>A page about replication</h1>
          <div style="width:800px">${snippet}</div>
          <p>After the lab.</p>`,
      }),
    );
    await recordFrameHeights(page);
    await page.goto(host);

    const frame = page.getByTitle(TITLE);
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox');
    const lab = page.frameLocator(`iframe[title="${TITLE}"]`);
    await expect(lab.getByRole('heading', { name: 'Replica playground' })).toBeVisible({ timeout: 10_000 });
    // In a frame of its own, alone: no site banner.
    await expect(lab.getByRole('navigation', { name: 'Labs' })).toHaveCount(0);

    const frameHeight = () => frame.evaluate((f) => f.getBoundingClientRect().height);
    const content = () => lab.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
    const settled = async () => {
      const before = await frameHeight();
      await page.waitForTimeout(300);
      const after = await frameHeight();
      return after === before && Math.abs(after - (await content())) <= 2 ? after : -1;
    };
    await expect.poll(settled, { timeout: 10_000 }).toBeGreaterThan(720);
    const heights = await page.evaluate(() => (window as unknown as { frameHeights: number[] }).frameHeights);
    // It started at the snippet's height, and embed.js made it the lab's.
    expect(heights[0]).toBe(720);
    expect(heights.at(-1)).toBe(await frameHeight());

    // The lab works in the snippet's sandbox.
    await lab.getByRole('button', { name: 'Write x=1' }).click();
    await expect(lab.getByText('1 action in this run')).toBeVisible();
  });

  test('the host demo page logs the lab ready, plays it and logs the done, seeks it, and has no accessibility violations', async ({ page }) => {
    await page.goto('./host-demo.html');
    await expect(page.getByRole('heading', { level: 1, name: 'Host demo' })).toBeVisible();
    const log = page.getByRole('list', { name: 'Events from the lab' });
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:ready .*"lab":"quorum"/ })).toHaveCount(1, { timeout: 10_000 });

    const lab = page.frameLocator('iframe[title="Eventual Consistency Lab: Quorum lab"]');
    const playback = lab.getByRole('toolbar', { name: 'Playback' });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:done .*"command":"ec-lab:play"/ })).toHaveCount(1);
    await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.getByRole('button', { name: 'Seek to 2 s' }).click();
    await expect(lab.getByRole('timer', { name: 'Simulated time' })).toHaveText('t = 2.00 s');
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:done .*"command":"ec-lab:seek"/ })).toHaveCount(1);
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:error/ })).toHaveCount(0);
    // The log is text: markup quoted back in an error stays text.
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'ec-lab:load', version: 1, preset: '<b>bold</b>' }, '*'));
    await expect(log.getByRole('listitem').filter({ hasText: '<b>bold</b>' })).toHaveCount(1);
    expect(await log.locator('li b').count()).toBe(0);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });

  test('the host demo page loads a preset and another lab by link, and hears the lab ready again', async ({ page }) => {
    await page.goto('./host-demo.html');
    const log = page.getByRole('list', { name: 'Events from the lab' });
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:ready/ })).toHaveCount(1, { timeout: 10_000 });
    const lab = page.frameLocator('iframe[title="Eventual Consistency Lab: Quorum lab"]');

    await page.getByRole('button', { name: 'Load the read-repair preset' }).click();
    await expect(lab.getByRole('status').filter({ hasText: /Read repair/i }).first()).toBeVisible();
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:done .*"command":"ec-lab:load"/ })).toHaveCount(1);

    await page.getByRole('button', { name: /Load the quiz/ }).click();
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:ready .*"lab":"quiz"/ })).toHaveCount(1, { timeout: 10_000 });
    await expect(log.getByRole('listitem').filter({ hasText: /^ec-lab:done .*"command":"ec-lab:load"/ })).toHaveCount(2);
  });
});
