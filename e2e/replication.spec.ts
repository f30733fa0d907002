import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The replication lab (issue 17), as a learner uses it: choose, scrub, read the ledger and the table. */

async function open(page: Page, query = '') {
  await page.goto(`./?lab=replication${query}`);
  await expect(page.getByRole('heading', { name: 'Replication: one leader, two or none, and what waiting costs', level: 1 })).toBeVisible();
}

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline', exact: true });
const ledger = (page: Page) => page.getByRole('region', { name: 'Leader and lost writes' });
const table = (page: Page) => page.getByRole('region', { name: 'The same workload and faults, replicated five ways' }).getByRole('table');

async function noAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
}

test.describe('replication lab', () => {
  test('an asynchronous leader cut off with its client: a follower is promoted, the old leader keeps acknowledging, and those writes are lost', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('radio', { name: 'One leader, asynchronous' })).toBeChecked();
    await timeline(page).fill('1000');
    await expect(ledger(page).getByRole('status')).toHaveText(/^At 1\.00 s: A leads, term 1\.$/);
    // After the 2 s failover timeout, B or C leads term 2 while A, not yet told, still believes it leads.
    await timeline(page).fill('5000');
    await expect(ledger(page).getByRole('status')).toContainText(/[BC] leads, term 2 \(one failover so far\)\. A still thinks it leads term 1/);
    await expect(page.getByText('still thinks it leads (term 1)')).toBeVisible();
    await expect(ledger(page).getByRole('listitem').first()).toContainText(/acknowledged by A at .*’s log does not have it/);
    // Healed, A hears of term 2, steps down and rolls its writes back.
    await timeline(page).fill('9000');
    await expect(ledger(page).getByRole('listitem').first()).toContainText('and A rolled it back');
    await expect(page.getByText('still thinks it leads')).toHaveCount(0);
    // The table: the asynchronous run lost writes, the ones that wait for a follower lost none.
    await expect(table(page).getByRole('row', { name: /^One leader, asynchronous/ })).toContainText(/[1-9]\d* of \d+ acknowledged/);
    await expect(table(page).getByRole('row', { name: /^One leader, synchronous/ })).toContainText(/(^|\D)0 of \d+ acknowledged/);
    await expect(table(page).getByRole('row', { name: /^One leader, semi-synchronous/ })).toContainText(/(^|\D)0 of \d+ acknowledged/);
    await noAxeViolations(page);
  });

  test('the monitoring board: stale reads fire with follower reads during the split, and stay quiet when reads go to the leader with no fault', async ({ page }) => {
    await open(page, '&reads=any');
    const alerts = page.getByRole('region', { name: 'Monitoring board' }).getByRole('list', { name: 'Alerts' });
    await timeline(page).fill('1000');
    await expect(alerts.getByRole('listitem').filter({ hasText: /Stale reads over 10\.0%/ })).toContainText('quiet');
    await timeline(page).fill('12000');
    await expect(alerts.getByRole('listitem').filter({ hasText: /Stale reads over 10\.0%/ })).toContainText('firing');
    await page.getByRole('radio', { name: 'No faults' }).check();
    await page.getByRole('radio', { name: 'the leader' }).check();
    await timeline(page).fill('12000');
    await expect(alerts.getByRole('listitem')).toHaveText([/quiet/, /quiet/, /quiet/]);
    await expect(page.getByRole('region', { name: 'Monitoring board' }).getByRole('img', { name: /^Replication lag per replica up to 12\.00 s/ })).toBeVisible();
  });

  test('synchronous replication stalls every write while a follower is down, and the address keeps the choice', async ({ page }) => {
    await open(page);
    await page.getByRole('radio', { name: 'One leader, synchronous' }).check();
    await page.getByRole('radio', { name: /^C crashes/ }).check();
    await expect(page).toHaveURL(/setup=sync/);
    await expect(page).toHaveURL(/fault=follower-crash/);
    await timeline(page).fill('6000');
    await expect(page.getByRole('region', { name: 'What just happened' })).toContainText(/only 1 of the 2 followers it waits for applied it in time/);
    // Picking a row of the table puts that setup on the stage.
    await table(page).getByRole('button', { name: 'One leader, semi-synchronous' }).click();
    await expect(page.getByRole('radio', { name: 'One leader, semi-synchronous' })).toBeChecked();
    await expect(table(page).getByRole('row', { name: /on stage/ })).toContainText('One leader, semi-synchronous');
    await page.reload();
    await expect(page.getByRole('radio', { name: 'One leader, semi-synchronous' })).toBeChecked();
    await expect(page.getByRole('radio', { name: /^C crashes/ })).toBeChecked();
  });

  test('a misspelt setup in the address is named, escaped, and the lab opens on the default', async ({ page }) => {
    await open(page, '&setup=%3Cb%3Eraft%3C/b%3E');
    await expect(page.getByText('There is no setup “<b>raft</b>” here; showing “One leader, asynchronous”.')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'One leader, asynchronous' })).toBeChecked();
  });

  test('the lag alert fires while a follower is down and clears once it has caught up', async ({ page }) => {
    await open(page, '&fault=follower-crash');
    const lag = page.getByRole('region', { name: 'Monitoring board' }).getByRole('list', { name: 'Alerts' }).getByRole('listitem').filter({ hasText: /Replication lag over 5 s/ });
    await timeline(page).fill('8000');
    await expect(lag).toContainText(/firing \(C [\d.]+ s behind\)/);
    await timeline(page).fill('14000');
    await expect(lag).toContainText('quiet');
  });

  test('every lab has the monitoring board, folded until opened', async ({ page }) => {
    await page.goto('./?lab=quorum');
    const fold = page.getByText('Monitoring board: lag, convergence, stale reads and conflicts, with alerts');
    await expect(page.getByRole('region', { name: 'Monitoring board' })).toHaveCount(0);
    await fold.click();
    await expect(page.getByRole('region', { name: 'Monitoring board' })).toContainText('Play the run, or move the timeline');
    await page.getByRole('button', { name: 'Run a workload' }).click();
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('8000');
    await expect(page.getByRole('region', { name: 'Monitoring board' }).getByRole('list', { name: 'Alerts' }).getByRole('listitem')).toHaveCount(3);
  });

  test('two leaders on stage: both regions take writes while cut apart, with no failover and no ledger of lost writes', async ({ page }) => {
    await open(page);
    await page.getByRole('radio', { name: 'Two leaders, one per region' }).check();
    await timeline(page).fill('5000');
    await expect(page.getByText('leads region 2')).toBeVisible();
    await expect(page.getByText('leads region 1')).toBeVisible();
    await expect(ledger(page)).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'the leader' })).toBeDisabled();
  });

  test('two setups side by side, at the same moment of the same run', async ({ page }) => {
    await open(page);
    await page.getByRole('combobox', { name: 'Draw beside it' }).selectOption({ label: 'One leader, synchronous' });
    await expect(page).toHaveURL(/compare=sync/);
    const pair = page.getByRole('region', { name: 'Side by side: One leader, asynchronous and One leader, synchronous' });
    await timeline(page).fill('5000');
    // Both pictures at 5 s: the old leader still believes it leads in each.
    await expect(pair.getByRole('figure', { name: 'One leader, synchronous' }).getByText('still thinks it leads (term 1)')).toBeVisible();
    await expect(pair.getByRole('figure', { name: 'One leader, asynchronous' }).getByText('still thinks it leads (term 1)')).toBeVisible();
    await noAxeViolations(page);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Draw beside it' })).toHaveValue('sync');
  });

  test('two leaders: the cart changed on both sides of the cut, and what each way of keeping it kept', async ({ page }) => {
    await open(page);
    const two = page.getByRole('region', { name: 'Two leaders: both sides take writes, and conflict' });
    await timeline(page).fill('14000');
    const carts = two.getByRole('region', { name: /^The carts at the playhead/ }).getByRole('table');
    // Last write wins kept one side's cart and lost the laptop; the OR-Set kept every change.
    await expect(carts.getByRole('row', { name: /^Last write wins/ })).toContainText('{charger, headphones, tv}');
    await expect(carts.getByRole('row', { name: /^OR-Set/ })).toContainText('{charger, laptop, tv}');
    await expect(two.getByText('Last write wins: 1 add lost and 1 remove undone, silently.', { exact: false })).toBeVisible();
    await noAxeViolations(page);
  });

  test('anti-entropy: gossip reaches every replica, fewer rounds with a larger fan-out; Merkle trees find exactly the keys that differ', async ({ page }) => {
    await open(page);
    const ae = page.getByRole('region', { name: 'How replicas catch up without a leader: anti-entropy' });
    const gossip = ae.getByRole('group', { name: 'Gossip: one update, round by round' });
    const mean = async () => Number(/over 200 runs, ([\d.]+) on average/.exec((await gossip.getByRole('status').textContent()) ?? '')![1]);
    await gossip.getByRole('combobox', { name: 'Replicas' }).selectOption('64');
    await expect(gossip.getByRole('status')).toContainText('every one of the 64 replicas had it after');
    const one = await mean();
    await gossip.getByRole('combobox', { name: 'Fan-out (peers a round)' }).selectOption('3');
    await expect.poll(mean).toBeLessThan(one);
    const merkle = ae.getByRole('group', { name: 'Merkle trees: finding what differs' });
    await merkle.getByRole('combobox', { name: 'Keys that differ' }).selectOption('3');
    await expect(merkle.getByRole('status')).toContainText(/Differing keys found: user\d\d, user\d\d, user\d\d\./);
    await merkle.getByRole('combobox', { name: 'Keys that differ' }).selectOption('0');
    await expect(merkle.getByRole('status')).toContainText('The roots match: nothing more is sent.');
    await noAxeViolations(page);
  });

  test.describe('in a 360 px frame', () => {
    test.use({ viewport: { width: 360, height: 640 } });
    test('the picture, the ledger and the table fit without sideways scrolling, and axe finds nothing', async ({ page }) => {
      await open(page, '&embed=1');
      await timeline(page).fill('5000');
      await expect(ledger(page).getByRole('listitem').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await noAxeViolations(page);
    });
  });

  test.describe('on a projector', () => {
    test.use({ viewport: { width: 1920, height: 1080 } });
    test('presenter mode: large type, the setups are scenes the arrow keys step through', async ({ page }) => {
      await page.goto('./?lab=replication&presenter=1');
      await expect(page.getByRole('heading', { name: 'Replication: one leader, two or none, and what waiting costs', level: 1 })).toBeVisible();
      await expect(page.getByRole('banner')).toBeHidden();
      const px = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(px).toBeGreaterThanOrEqual(24);
      await expect(page.getByRole('radio', { name: 'One leader, asynchronous' })).toBeChecked();
      await page.locator('body').press('PageDown');
      await expect(page.getByRole('radio', { name: 'One leader, semi-synchronous' })).toBeChecked();
      await noAxeViolations(page);
    });
  });
});
