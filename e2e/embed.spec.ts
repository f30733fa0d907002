import { expect, test, type Page } from '@playwright/test';
import { CROSS_ORIGIN, hostPage } from './pages/docsHost.ts';

/**
 * A lab in a docs page (issue 16): `&embed=1` shows the lab alone, posts its height to the
 * page around it, and public/embed.js sizes the frame; and no action depends on a form
 * submission, which a sandbox without allow-forms blocks. The host page is on another
 * origin, as a docs site would be.
 */

test.use(CROSS_ORIGIN);

const frameHeight = (page: Page) => page.locator('iframe[title="The lab"]').evaluate((f) => f.getBoundingClientRect().height);

test.describe('a lab embedded in a docs page', () => {
  test('shows the lab alone, with a link that opens the same lab in full in a new tab', async ({ page }) => {
    await page.goto('./?lab=quorum&n=5&embed=1');
    await expect(page.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Labs' })).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    const open = page.getByRole('link', { name: /Open in the full lab/ });
    await expect(open).toHaveAttribute('target', '_blank');
    const href = new URL((await open.getAttribute('href'))!);
    expect(href.searchParams.get('lab')).toBe('quorum');
    expect(href.searchParams.get('n')).toBe('5');
    expect(href.searchParams.has('embed')).toBe(false);
  });

  test('the full-lab link carries the run as it is now, not as the frame first loaded it', async ({ page, context }) => {
    await page.goto('./?lab=playground&embed=1');
    await page.getByRole('button', { name: 'Write x=1' }).click();
    await expect(page.getByText('1 action in this run')).toBeVisible();
    const [full] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Open in the full lab/ }).click()]);
    const opened = new URL(full.url());
    expect(opened.searchParams.get('lab')).toBe('playground');
    expect(opened.searchParams.has('run')).toBe(true);
    expect(opened.searchParams.has('embed')).toBe(false);
  });

  test('says so when embed= is neither 1 nor 0, and shows the lab whole', async ({ page }) => {
    await page.goto('./?lab=playground&embed=<b>yes</b>');
    await expect(page.getByRole('alert')).toContainText('is not 1 or 0, so the lab is shown whole');
    // Quoted as text, never made into markup.
    await expect(page.getByRole('alert').locator('b')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
  });

  for (const width of [360, 800]) {
    test(`the frame follows the lab's height as a panel opens and closes (${width} px)`, async ({ page }) => {
      const lab = await hostPage(page, 'playground', { width });
      await expect(lab.getByRole('heading', { name: 'Replica playground' })).toBeVisible();
      // The host script sizes the 200 px frame to the whole lab, as its panels load.
      const content = () => lab.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
      const settled = async () => {
        const before = await frameHeight(page);
        await page.waitForTimeout(300);
        const after = await frameHeight(page);
        return after === before && Math.abs(after - (await content())) <= 2 ? after : -1;
      };
      await expect.poll(settled, { timeout: 10_000 }).toBeGreaterThan(900);
      const closed = await frameHeight(page);
      await lab.getByText('Try this first').click();
      await expect.poll(() => frameHeight(page), { timeout: 2_000 }).toBeGreaterThan(closed + 60);
      await lab.getByText('Try this first').click();
      await expect.poll(() => frameHeight(page), { timeout: 2_000 }).toBeLessThanOrEqual(closed + 2);
      expect(Math.abs((await frameHeight(page)) - (await content()))).toBeLessThanOrEqual(2);
    });
  }

  test('without the host script the frame keeps the size the page gave it, and the lab still works', async ({ page }) => {
    const lab = await hostPage(page, 'playground', { width: 800, script: false });
    await lab.getByRole('button', { name: 'Write x=1' }).click();
    await expect(lab.getByText('1 action in this run')).toBeVisible();
    expect(await frameHeight(page)).toBe(200);
  });

  test('in a sandbox with scripts alone, where the lab cannot start, the frame says what the page must allow', async ({ page }) => {
    const lab = await hostPage(page, 'playground', { width: 800, sandbox: 'allow-scripts' });
    await expect(lab.getByText('The lab could not start here.')).toBeVisible({ timeout: 10_000 });
    await expect(lab.getByText('sandbox="allow-scripts allow-same-origin"')).toBeVisible();
  });

  test('a lab that starts never shows the message for a lab that could not', async ({ page }) => {
    await page.goto('./?lab=playground');
    await expect(page.getByRole('heading', { name: 'Replica playground' })).toBeVisible();
    await page.waitForTimeout(3_500);
    await expect(page.getByText('The lab could not start here.')).toHaveCount(0);
  });

  test('in a sandbox without allow-forms, Write, Enter in a field and the gallery’s Add all work', async ({ page }) => {
    const lab = await hostPage(page, 'playground', { width: 800, sandbox: 'allow-scripts allow-same-origin' });
    await lab.getByRole('button', { name: 'Write x=1' }).click();
    await expect(lab.getByText('1 action in this run')).toBeVisible();
    await lab.getByRole('textbox', { name: 'Value' }).fill('7');
    await lab.getByRole('textbox', { name: 'Value' }).press('Enter');
    await expect(lab.getByText('2 actions in this run')).toBeVisible();

    const conflicts = await hostPage(page, 'conflicts&crdt=or-set', { width: 800, sandbox: 'allow-scripts allow-same-origin' });
    const gallery = conflicts.getByRole('region', { name: /CRDT gallery/ });
    await gallery.getByRole('textbox', { name: 'Item at A' }).fill('milk');
    await gallery.getByRole('button', { name: 'Add at A' }).click();
    await expect(gallery.getByRole('tabpanel').getByRole('status')).toContainText('milk');
  });
});
