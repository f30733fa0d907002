import { expect, test, type Page } from '@playwright/test';

/*
 * The address holds every setting a learner changes, so a copied link brings them all
 * back; and a hostile link gets a short message while the lab carries on.
 */

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Conflicts lab', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A CRDT gallery' })).toBeVisible();
}

const cart = (page: Page) => page.getByRole('region', { name: 'The cart, three ways' });
const gallery = (page: Page) => page.getByRole('region', { name: 'A CRDT gallery' });
const likes = (page: Page) => page.getByRole('region', { name: 'Exercise: a like counter' });
const vectors = (page: Page) => page.getByRole('region', { name: 'Version vectors' });
const count = (page: Page, node: string, side: 'A' | 'B') => vectors(page).getByLabel(`Count for ${node} in ${side}`, { exact: true });

test.describe('the address', () => {
  test('holds the gallery’s type, the like counter’s set-up, the vectors and the cart’s story, so a link to the page brings them back', async ({ page, browser }) => {
    await open(page, './?lab=conflicts');

    await cart(page).getByRole('button', { name: 'A clock running ahead' }).click();
    await gallery(page).getByRole('tab', { name: 'OR-Set' }).click();
    const setUp = likes(page);
    await setUp.getByRole('combobox', { name: 'Server cut off' }).selectOption('A');
    await setUp.getByRole('combobox', { name: 'Cut from (s)' }).selectOption('1');
    await setUp.getByRole('combobox', { name: 'Cut until (s)' }).selectOption('8');
    await setUp.getByRole('combobox', { name: 'Likes per second' }).selectOption('5');
    // A seed past the 999,999,999 the like counter took before: seeds have one range now.
    await setUp.getByRole('spinbutton', { name: 'Seed' }).fill('4000000000');
    await vectors(page).getByRole('button', { name: /^Example 3:/ }).click();
    await count(page, 'Node2', 'B').fill('7');
    await expect(page).toHaveURL(/[?&]vb=Node1:1,Node2:7(&|$)/);

    const link = page.url();
    expect(link).toMatch(/[?&]crdt=or-set(&|$)/);
    expect(link).toMatch(/[?&]likes-seed=4000000000(&|$)/);
    expect(link).toMatch(/[?&]run=1\./);

    const other = await browser.newPage();
    await open(other, link);
    await expect(other.getByRole('alert')).toHaveCount(0);
    await expect(cart(other).getByRole('button', { name: 'A clock running ahead' })).toHaveAttribute('aria-pressed', 'true');
    await expect(gallery(other).getByRole('tab', { name: 'OR-Set' })).toHaveAttribute('aria-selected', 'true');
    await expect(likes(other).getByRole('combobox', { name: 'Server cut off' })).toHaveValue('A');
    await expect(likes(other).getByRole('combobox', { name: 'Cut from (s)' })).toHaveValue('1');
    await expect(likes(other).getByRole('combobox', { name: 'Cut until (s)' })).toHaveValue('8');
    await expect(likes(other).getByRole('combobox', { name: 'Likes per second' })).toHaveValue('5');
    await expect(likes(other).getByRole('spinbutton', { name: 'Seed' })).toHaveValue('4000000000');
    await expect(count(other, 'Node1', 'A')).toHaveValue('2');
    await expect(count(other, 'Node2', 'A')).toHaveValue('1');
    await expect(count(other, 'Node2', 'B')).toHaveValue('7');
    await expect(vectors(other).getByRole('status', { name: 'Verdict' })).toContainText('Concurrent — a conflict');
    await other.close();
  });

  test('a hostile value gets a short, escaped message, and the lab works', async ({ page }) => {
    await open(page, `./?lab=conflicts&crdt=${'x'.repeat(10_000)}\u202E`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('in the gallery, so it shows the G-Counter');
    const text = await alert.innerText();
    expect(text.length).toBeLessThan(300);
    expect(text).not.toContain('x'.repeat(25));
    expect(text).not.toContain('\u202E');

    // The gallery opened on its default and answers; so does the cart.
    await expect(gallery(page).getByRole('tab', { name: 'G-Counter' })).toHaveAttribute('aria-selected', 'true');
    const shown = gallery(page).getByRole('tabpanel');
    await shown.getByRole('button', { name: 'Increment at A', exact: true }).click();
    await expect(shown.getByRole('status')).toContainText('A reads 1');
    await cart(page).getByRole('group', { name: 'Phone (through replica A)' }).getByRole('button', { name: 'Add to the cart from the phone' }).click();
    await expect(cart(page).getByText('6 actions in this run')).toBeVisible();
  });

  test('bad values from the cart and from the panels below it are told together, in the one notice bar', async ({ page }) => {
    await open(page, './?lab=conflicts&seed=-3&likes-rate=7&va=Node1:x');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('seed=-3 is not a whole number');
    await expect(alert).toContainText('likes-rate=7 is not one of 1, 2, 3, 5, 10');
    await expect(alert).toContainText('va: the count in "Node1:x" is not a whole number');
    await expect(likes(page).getByRole('alert')).toHaveCount(0);
    await expect(vectors(page).getByRole('alert')).toHaveCount(0);
  });
});
