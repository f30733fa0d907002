import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeRun } from '../src/embed/urlCodec.ts';
import { makeScenario } from '../src/sim/scenario.ts';

async function open(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.getByRole('heading', { name: 'Conflicts lab', level: 1 })).toBeVisible();
}

const cart = (page: Page) => page.getByRole('region', { name: 'The cart, three ways' });
const ledger = (page: Page) => cart(page).getByRole('table', { name: 'What became of each change' });

async function seek(page: Page, ms: number) {
  await page.getByRole('slider', { name: 'Timeline', exact: true }).fill(String(ms));
  await expect(page.getByRole('timer', { name: 'Simulated time', exact: true })).toHaveText(`t = ${(ms / 1000).toFixed(2)} s`);
}

/** The ledger row for a change, by the words in its first cell. */
const row = (page: Page, change: string) => ledger(page).getByRole('row', { name: new RegExp(change) });

test.describe('conflicts lab: the cart, three ways', () => {
  test('moments apart: last write wins loses the TV and points at the laptop’s cart; the OR-Set keeps it', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await expect(cart(page).getByRole('button', { name: 'Two devices, moments apart' })).toHaveAttribute('aria-pressed', 'true');
    // Before the run has played out, the outcome waits.
    await expect(cart(page).getByRole('button', { name: 'Show the outcome now' })).toBeVisible();
    await expect(ledger(page)).toHaveCount(0);

    // Mid-run, the siblings cart holds both devices' versions at once.
    await cart(page).getByRole('radio', { name: 'Siblings, merged by union' }).check();
    await seek(page, 2200);
    await expect(cart(page).getByRole('button', { name: /^Replica A, up, cart = \{headphones, tv\} and \{headphones, laptop\}/ })).toBeVisible();
    const now = cart(page).getByRole('region', { name: /The carts at the playhead/ });
    await expect(now.getByRole('row', { name: /^Last write wins/ })).toContainText('{headphones, laptop}');
    await expect(now.getByRole('row', { name: /^Siblings, merged by union/ })).toContainText('2 siblings, concurrent: {headphones, tv} {A:2} and {headphones, laptop} {A:1, B:1}');
    // The notation under the table is explained there, and the retailer is an illustration.
    await cart(page).getByText('How to read a version such as {A:2} + F:4').click();
    await expect(cart(page).getByText(/\{A:2, B:1\} is a plain version vector: A’s first two writes and B’s first\./)).toBeVisible();
    await expect(cart(page)).toContainText('Imagine a retailer whose carts lose items this way');

    await seek(page, 6000);
    await expect(cart(page).getByRole('status').filter({ hasText: 'Last write wins: 1 add lost and 1 remove undone, silently.' })).toContainText('OR-Set: every change kept.');
    const tv = row(page, 'add tv on the phone');
    await expect(tv.getByRole('cell').nth(0)).toContainText('lost');
    await expect(tv.getByRole('cell').nth(0)).toContainText('overwritten by the laptop’s cart {headphones, laptop} written at t = 1.30 s');
    await expect(tv.getByRole('cell').nth(1)).toContainText('kept');
    await expect(tv.getByRole('cell').nth(2)).toContainText('kept');
    const removal = row(page, 'remove headphones on the laptop');
    await expect(removal.getByRole('cell').nth(1)).toContainText('undone: the item came back');
    await expect(removal.getByRole('cell').nth(2)).toContainText('deleted the tags it saw: A1');
    await expect(cart(page)).toContainText('Final carts: Last write wins {charger, headphones, laptop}; Siblings, merged by union {charger, headphones, laptop, tv}; OR-Set {charger, laptop, tv}');

    // The whole page, once the panels that load after the first screen are in.
    await expect(page.getByRole('heading', { name: 'Exercise: a like counter' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test('a clock running ahead: the older write wins, and the ledger says why', async ({ page }) => {
    await open(page, '?lab=conflicts&story=skew');
    await cart(page).getByRole('button', { name: 'Show the outcome now' }).click();
    const tv = row(page, 'add tv on the phone');
    await expect(tv.getByRole('cell').nth(0)).toContainText('overwritten by the laptop’s cart {laptop} written at t = 1.00 s, earlier, but stamped 2.52 s by B, whose clock runs 1.5 s fast, against 2.02 s by A, whose clock is right');
    await expect(tv.getByRole('cell').nth(2)).toContainText('kept');
  });

  test('remove and add at once: the OR-Set’s concurrent add survives the removal; a 2P-Set cannot take an item back', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await cart(page).getByRole('button', { name: 'Remove and add at once' }).click();
    await expect(cart(page).getByRole('button', { name: 'Remove and add at once' })).toHaveAttribute('aria-pressed', 'true');
    await seek(page, 2000);
    const now = cart(page).getByRole('region', { name: /The carts at the playhead/ });
    await expect(now.getByRole('row', { name: /^OR-Set/ })).toContainText('tags: tv A2; removed tags: A1');
    await seek(page, 12000);
    const removal = row(page, 't = 1.55 s: remove tv on the laptop');
    await expect(removal.getByRole('cell').nth(2)).toContainText('an add it had not seen kept the item in the cart (add wins)');
    await expect(removal.getByRole('cell').nth(2)).toContainText('deleted the tags it saw: A1');
    await expect(row(page, 't = 4.00 s: add tv on the laptop').getByRole('cell').nth(3)).toContainText('gone for good');
    await expect(cart(page)).toContainText('OR-Set {tv}; 2P-Set {}');
  });

  test('a learner cuts A off, changes the cart on both sides, heals, and sees what each cart kept', async ({ page }) => {
    await open(page, '?lab=conflicts&seed=5');
    await cart(page).getByRole('button', { name: 'Reset' }).click();
    await seek(page, 500);
    await cart(page).getByRole('button', { name: 'Cut A (and the phone) off' }).click();
    const phone = cart(page).getByRole('group', { name: 'Phone (through replica A)' });
    await phone.getByLabel('Item').selectOption('tv');
    await phone.getByRole('button', { name: 'Add to the cart from the phone' }).click();
    await cart(page).getByRole('button', { name: 'Pause' }).click();
    await seek(page, 1500);
    const laptop = cart(page).getByRole('group', { name: 'Laptop (through replica B)' });
    await laptop.getByLabel('Item').selectOption('case');
    await laptop.getByRole('button', { name: 'Add to the cart from the laptop' }).click();
    await cart(page).getByRole('button', { name: 'Pause' }).click();
    await seek(page, 2500);
    await cart(page).getByRole('button', { name: 'Heal the network' }).click();
    await seek(page, 9000);
    await expect(row(page, 'add tv on the phone').getByRole('cell').nth(0)).toContainText('overwritten by the laptop’s cart {case}');
    await expect(cart(page)).toContainText('OR-Set {case, tv}');
    // The address now holds the run, so the same outcome comes back from the link.
    await page.reload();
    await cart(page).getByRole('button', { name: 'Show the outcome now' }).click();
    await expect(cart(page)).toContainText('OR-Set {case, tv}');
  });

  test('a learner makes B’s clock run fast and watches an older write win', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await cart(page).getByRole('button', { name: 'Reset' }).click();
    const clock = cart(page).getByLabel('Replica B’s clock');
    await clock.selectOption({ label: '2 s fast' });
    await expect(clock).toHaveValue('2000');
    await seek(page, 500);
    const laptop = cart(page).getByRole('group', { name: 'Laptop (through replica B)' });
    await laptop.getByLabel('Item').selectOption('laptop');
    await laptop.getByRole('button', { name: 'Add to the cart from the laptop' }).click();
    await cart(page).getByRole('button', { name: 'Pause' }).click();
    await seek(page, 1500);
    const phone = cart(page).getByRole('group', { name: 'Phone (through replica A)' });
    await phone.getByLabel('Item').selectOption('tv');
    await phone.getByRole('button', { name: 'Add to the cart from the phone' }).click();
    await cart(page).getByRole('button', { name: 'Pause' }).click();
    await seek(page, 9000);
    await expect(row(page, 'add tv on the phone').getByRole('cell').nth(0)).toContainText('by B, whose clock runs 2 s fast');
    await expect(cart(page)).toContainText('Last write wins {laptop}');
  });

  test('an unknown story or seed in the address is named, and the first story shown', async ({ page }) => {
    await open(page, '?lab=conflicts&story=%E2%80%AEevil&seed=-3');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('There is no story called');
    await expect(alert).toContainText('seed=-3 is not a whole number');
    await expect(cart(page).getByRole('button', { name: 'Two devices, moments apart' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('a run from another lab in the address is refused with a reason, and the first story shown', async ({ page }) => {
    const playgroundRun = encodeRun({ scenario: makeScenario({ script: [{ at: 10, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }), time: 0 });
    await open(page, `?lab=conflicts&run=${playgroundRun}`);
    await expect(page.getByRole('alert')).toContainText('This link’s run is not a cart run (it comes from another lab). The lab started from its first story instead.');
    await expect(cart(page).getByRole('button', { name: 'Two devices, moments apart' })).toHaveAttribute('aria-pressed', 'true');
    // The lab still works: a change from the phone is taken, at t = 0, beside the story's own (which stay).
    await cart(page).getByRole('group', { name: 'Phone (through replica A)' }).getByRole('button', { name: 'Add to the cart from the phone' }).click();
    await expect(cart(page).getByText('6 actions in this run')).toBeVisible();
    await expect(cart(page).getByRole('button', { name: 'Two devices, moments apart' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('fits a phone-sized frame without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, '?lab=conflicts');
    await cart(page).getByRole('button', { name: 'Show the outcome now' }).click();
    await expect(ledger(page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
