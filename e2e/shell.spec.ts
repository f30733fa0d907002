import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('the app shell', () => {
  test('loads with a title, landmarks and a place for the lab', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle('Eventual Consistency Lab');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('offers a skip link that moves focus to the lab', async ({ page }) => {
    await page.goto('./');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the lab' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('says so when the address names a lab that does not exist, and shows the default', async ({ page }) => {
    await page.goto('./?lab=nosuchlab');
    await expect(page.getByRole('alert')).toHaveText('There is no lab called “nosuchlab” here; this is the Course path.');
    await expect(page.getByRole('heading', { name: 'Eventual consistency, hands on' })).toBeVisible();
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('./');
    // The lab loads on demand: scan the page a learner sees, not the loading line.
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});
