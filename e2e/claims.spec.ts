import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground.ts';

/** What the lab claims about a run is true of that run: lost writes, and the quorum rule's conditions. */
test.describe('claims that carry their conditions', () => {
  test('a fast clock loses an acknowledged write: counted, explained, narrated and marked, though no read is stale', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    // W + R > N, so the settings make the claim whose conditions the skew breaks.
    const settings = page.getByRole('region', { name: 'Cluster settings' });
    await settings.getByLabel('W (acks a write waits for)').selectOption('2');
    await settings.getByLabel('R (replies a read waits for)').selectOption('2');
    await lab.replica('A').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByLabel('Clock skew (ms)').fill('2000');
    await inspector.getByRole('button', { name: 'Set A’s clock' }).click();
    await lab.pause();
    await lab.write('first', { through: 'A', client: 'c1' });
    await lab.pause();
    await lab.seek(1000);
    await lab.write('second', { through: 'B', client: 'c2' });
    await lab.pause();
    await lab.seek(2000);
    const why = /The write x = second, acknowledged at 1\.\d\d s, is lost: the write x = first, acknowledged earlier \(at 0\.\d\d s\), carries the later timestamp because A’s clock ran 2 s ahead of B’s/;
    const narrator = page.getByRole('region', { name: 'What just happened' });
    const told = narrator.getByRole('listitem');
    await expect(told.filter({ hasText: 'c2 writes x=second through B' })).toHaveCount(1);
    await expect(told.filter({ hasText: why })).toHaveCount(1);
    // Told at the moment it was acknowledged, right after the acknowledgement.
    await expect(narrator).toContainText(/1\.\d\d s\s*Write x=second acknowledged by B, C — lost: no replica will keep it\s*1\.\d\d s\s*The write x = second/);
    await lab.read({ through: 'C', client: 'c1' });
    await lab.pause();
    await lab.seek(3000);
    // The read forked the run: what it told next is the read, not the lost write again.
    await expect(told.last()).toContainText('Read of x returned first');
    await expect(told.nth(-2)).toContainText('c1 reads x through C');
    // The lost write is the line just before them, still told once.
    await expect(told.nth(-3)).toContainText(why);
    await expect(told.filter({ hasText: why })).toHaveCount(1);
    const ops = page.getByRole('region', { name: 'Operations' });
    await expect(ops).toContainText('Read of x returned first');
    await expect(ops).not.toContainText('stale');
    await expect(ops.getByRole('button', { name: /^lost Write x=second acknowledged by B/ })).toBeVisible();
    await expect(lab.status).toContainText('1 acknowledged write lost.');
    await expect(lab.status).not.toContainText('stale read');
    // The inspector explains it too.
    await ops.getByRole('button', { name: /^lost Write x=second/ }).click();
    await expect(inspector).toContainText(why);
    // The settings' claim names the skew as a broken condition.
    await expect(settings).toContainText('Clocks have been out of step (A)');
  });

  test('raising W in the middle of a run: the panel says which condition broke, and the read is stale', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    const settings = page.getByRole('region', { name: 'Cluster settings' });
    await settings.getByLabel('W (acks a write waits for)').selectOption('1');
    await settings.getByLabel('R (replies a read waits for)').selectOption('1');
    await lab.cutLink('A', 'C');
    await lab.pause();
    await lab.write('1', { through: 'A', client: 'c1' });
    await lab.pause();
    await lab.seek(1000);
    await expect(settings).toContainText('W + R = 2 ≤ N.');
    await settings.getByLabel('W (acks a write waits for)').selectOption('3');
    await lab.pause();
    await expect(settings).toContainText('W + R = 4 > N.');
    await expect(settings).toContainText('This run breaks a condition of that rule:');
    await expect(settings).toContainText('W changed at 1.00 s. 1 write was acknowledged by only 1 of the key’s replicas: a read of R = 1 can miss it.');
    await lab.read({ through: 'C', client: 'c2' });
    await lab.pause();
    await lab.seek(2000);
    await expect(page.getByRole('region', { name: 'Operations' })).toContainText('Read of x returned nothing — stale: it missed an acknowledged write');
    await lab.expectNoAxeViolations();
  });
});

test.describe('quorum lab claims', () => {
  test('the sloppy-quorum demo names the stand-ins where W + R > N is claimed, and says how real stores differ', async ({ page }) => {
    await page.goto('./?lab=quorum&n=3&w=2&r=2');
    const controls = page.getByRole('region', { name: 'N, W and R' });
    await expect(controls).toContainText('That holds while every write was acknowledged, and every read answered, by enough of the key’s own replicas');
    await expect(controls).toContainText('Overlap alone is not linearizability.');
    const options = page.getByRole('region', { name: 'Sloppy quorums and read repair' });
    await options.getByRole('button', { name: 'Show a stale read although W + R > N' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(controls).toContainText('Sloppy quorums: since', { timeout: 20_000 });
    await options.getByText('How Dynamo, Riak and Cassandra do it').click();
    await expect(options).toContainText('Cassandra has no stand-ins');
    const pbs = page.getByRole('region', { name: 'How often can a read miss? (PBS)' });
    await expect(pbs).toContainText('Never, while the rule’s conditions hold');
    await expect(pbs).toContainText('Sloppy quorums: since');
  });
});
