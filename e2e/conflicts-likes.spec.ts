import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, query = '') {
  await page.goto(`./?lab=conflicts${query}`);
  await expect(page.getByRole('heading', { name: 'Exercise: a like counter' })).toBeVisible();
}

const likes = (page: Page) => page.getByRole('region', { name: 'Exercise: a like counter' });
const OF = 'the like counter';

test.describe('conflicts lab: like counter', () => {
  test('with C cut off, the G-Counter ends at the true count and the naive counter reports lost likes', async ({ page }) => {
    await open(page, '&likes-cut=C&likes-seed=3');
    const panel = likes(page);
    await expect(panel.getByRole('combobox', { name: 'Server cut off' })).toHaveValue('C');
    await expect(panel.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('3');
    await panel.getByRole('slider', { name: `Timeline of ${OF}` }).fill('4000');
    await expect(panel.getByRole('timer', { name: `Simulated time of ${OF}` })).toHaveText('t = 4.00 s');
    await expect(panel.getByRole('row', { name: /C \(cut off\)/ })).toHaveCount(2);
    await panel.getByRole('button', { name: 'Jump to the end' }).click();
    const result = panel.getByRole('status');
    await expect(result).toContainText('G-Counter: every server reads');
    const [, total] = /Likes made so far: (\d+)/.exec(await panel.innerText())!;
    await expect(result).toContainText(`G-Counter: every server reads ${total}, exactly the ${total} likes.`);
    const [, naive, lost] = /Naive counter: every server reads (\d+): (\d+) likes? lost/.exec(await result.innerText())!;
    expect(Number(lost)).toBeGreaterThan(0);
    expect(Number(naive) + Number(lost)).toBe(Number(total));
  });

  test('plays on its own clock: play, pause and step move the like counter and not the cart above it', async ({ page }) => {
    await open(page, '&likes-cut=none&likes-rate=1&likes-seed=5');
    const panel = likes(page);
    const clock = panel.getByRole('timer', { name: `Simulated time of ${OF}` });
    await expect(clock).toHaveText('t = 0.00 s');
    await panel.getByRole('toolbar', { name: `Playback of ${OF}` }).getByRole('button', { name: 'Step' }).click();
    await expect(clock).not.toHaveText('t = 0.00 s');
    const stepped = await clock.innerText();
    await panel.getByRole('toolbar', { name: `Playback of ${OF}` }).getByRole('button', { name: 'Play' }).click();
    await expect(clock).not.toHaveText(stepped);
    await panel.getByRole('toolbar', { name: `Playback of ${OF}` }).getByRole('button', { name: 'Pause' }).click();
    const paused = await clock.innerText();
    await expect(clock).toHaveText(paused);
    // The cart's clock did not move.
    await expect(page.getByRole('timer', { name: 'Simulated time', exact: true })).toHaveText('t = 0.00 s');
  });

  test('changing the set-up re-runs the same likes: with no cut and one like a second the naive counter keeps them all; cutting B off at ten a second loses some', async ({ page }) => {
    await open(page, '&likes-cut=none&likes-rate=1&likes-seed=5');
    const panel = likes(page);
    await expect(panel.getByRole('combobox', { name: 'Cut from (s)' })).toBeDisabled();
    await panel.getByRole('button', { name: 'Jump to the end' }).click();
    await expect(panel.getByRole('status')).toContainText('G-Counter: every server reads 12, exactly the 12 likes.');
    await expect(panel.getByRole('status')).toContainText('Naive counter: every server reads 12: no likes lost.');
    await panel.getByRole('combobox', { name: 'Server cut off' }).selectOption('B');
    await panel.getByRole('combobox', { name: 'Likes per second' }).selectOption('10');
    await expect(panel.getByRole('status')).toContainText(/[1-9]\d* likes? lost\./);
    await expect(page).toHaveURL(/likes-cut=B/);
    await expect(page).toHaveURL(/likes-rate=10/);
  });

  test('bad settings in the address are named, and the defaults are used', async ({ page }) => {
    await open(page, '&likes-cut=Q&likes-seed=x&likes-rate=7');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('likes-cut=Q is not a server');
    await expect(alert).toContainText('likes-seed=x is not a whole number');
    await expect(alert).toContainText('likes-rate=7 is not one of 1, 2, 3, 5, 10');
    await expect(likes(page).getByRole('combobox', { name: 'Server cut off' })).toHaveValue('C');
    await expect(likes(page).getByRole('combobox', { name: 'Likes per second' })).toHaveValue('3');
  });

  test('passes an axe scan, light and dark, at the end of a run with a cut', async ({ page }) => {
    await open(page, '&likes-cut=A');
    await likes(page).getByRole('button', { name: 'Jump to the end' }).click();
    await expect(likes(page).getByRole('status')).toContainText('G-Counter: every server reads');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('.like-counter').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    }
  });

  test('fits a 360 px screen without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page);
    await likes(page).getByRole('button', { name: 'Jump to the end' }).click();
    await expect(likes(page).getByRole('status')).toContainText('G-Counter: every server reads');
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    const box = await likes(page).getByRole('table', { name: 'Naive counter (last write wins)' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  });
});
