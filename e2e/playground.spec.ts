import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground.ts';

test.describe('replica playground: writing, reading, watching', () => {
  test('a write travels to every replica and is acknowledged', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    // Mid-flight: the write is on its way.
    await lab.seek(60);
    await expect(lab.cluster).toHaveAccessibleName(/[1-9]\d* messages in flight/);
    await lab.seek(1500);
    await expect(lab.cluster).toHaveAccessibleName(/ 0 messages in flight/);
    for (const id of ['A', 'B', 'C']) await expect(lab.replica(id)).toHaveAccessibleName(/x = 1/);
    await expect(page.getByRole('region', { name: 'Operations' })).toContainText(/Write x=1 acknowledged by A/);
    await expect(lab.status).toHaveText(/All replicas agree on x/);
  });

  test('a stale read appears while C is cut off, and the replicas converge after healing', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.partitionedWrite();
    await expect(lab.status).toHaveText(/Replicas disagree on x/);
    await expect(lab.replica('C')).toHaveAccessibleName(/x = 1, 1 acknowledged write behind/);
    await lab.read({ through: 'C', client: 'c2' });
    await lab.pause();
    await lab.seek(2600);
    const ops = page.getByRole('region', { name: 'Operations' });
    await expect(ops).toContainText('Read of x returned 1 — stale: it missed an acknowledged write');
    // The stale read is marked in the picture too, where the reading client is.
    await expect(lab.cluster.getByRole('button', { name: /^Client c2/ })).toHaveAccessibleName('Client c2: 0 operations waiting; its last read, x = 1, was stale');
    await page.getByRole('button', { name: 'Heal everything' }).click();
    await lab.pause();
    await lab.seek(12_000);
    await expect(lab.status).toHaveText(/All replicas agree on x/);
    await expect(lab.replica('C')).toHaveAccessibleName(/x = 2/);
    await expect(page.getByRole('region', { name: 'What just happened' })).toContainText('All replicas now agree');
  });

  test('the table shows the same state as the picture', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('7');
    await lab.pause();
    await lab.seek(1500);
    for (const id of ['A', 'B', 'C']) expect(await lab.rowText(id)).toMatch(/up 7 @/);
  });

  test('the inspector crashes and recovers a replica, and skews its clock', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.replica('B').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { name: 'Replica B' })).toBeVisible();
    await inspector.getByRole('button', { name: 'Crash B' }).click();
    await lab.pause();
    await lab.seek(100);
    await expect(lab.replica('B')).toHaveAccessibleName(/Replica B, down/);
    await inspector.getByRole('button', { name: 'Recover B' }).click();
    await lab.pause();
    await lab.seek(200);
    await expect(lab.replica('B')).toHaveAccessibleName(/Replica B, up/);
    await inspector.getByLabel('Clock skew (ms)').fill('500');
    await inspector.getByRole('button', { name: 'Set B’s clock' }).click();
    await lab.pause();
    await lab.seek(300);
    await expect(lab.replica('B')).toHaveAccessibleName(/clock \+500 ms/);
  });

  test('a partition splits the cluster in one go and heals in one', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    const faults = page.getByRole('region', { name: 'Network faults' });
    await faults.getByRole('checkbox', { name: 'C', exact: true }).check();
    await faults.getByRole('checkbox', { name: 'c2', exact: true }).check();
    await faults.getByRole('button', { name: 'Split off the ticked nodes' }).click();
    await lab.pause();
    await lab.seek(50);
    await expect(faults).toContainText('Cut: ');
    await expect(lab.status).toContainText('link directions cut');
    const heal = faults.getByRole('button', { name: 'Heal everything' });
    await heal.click();
    await lab.pause();
    await lab.seek(100);
    await expect(faults).toContainText('No links are cut.');
    // Nothing left to heal: the button says so, but keeps keyboard focus where it was.
    await heal.focus();
    await expect(heal).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Enter');
    await expect(heal).toBeFocused();
  });

  test('a partition can be drawn across the picture', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await page.getByRole('button', { name: 'Draw a partition' }).click();
    await lab.cluster.scrollIntoViewIfNeeded();
    const box = (await lab.cluster.boundingBox())!;
    // A short vertical stroke a little right of the middle: the line through it splits
    // A, C and c1 from B and c2.
    await page.mouse.move(box.x + box.width * 0.56, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.56, box.y + box.height * 0.6, { steps: 8 });
    await page.mouse.up();
    await lab.pause();
    await lab.seek(50);
    await expect(page.getByRole('region', { name: 'Network faults' })).toContainText('Cut: ');
  });

  test('a link clicked in the picture can be cut one way from the inspector', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.cluster.getByRole('button', { name: /^Link A–B/ }).click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { name: 'Link A–B' })).toBeVisible();
    await inspector.getByRole('button', { name: 'Cut A→B only' }).click();
    await lab.pause();
    await lab.seek(20);
    await expect(page.getByRole('region', { name: 'Network faults' })).toContainText('Cut: A→B');
    await expect(lab.cluster.getByRole('button', { name: /^Link A–B/ })).toHaveAccessibleName('Link A–B: A→B cut');
  });
});
