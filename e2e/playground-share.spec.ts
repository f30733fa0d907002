import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground.ts';

async function partitionedRun(lab: Playground) {
  await lab.open();
  await lab.partitionedWrite();
  await lab.seek(3000);
}

test.describe('replica playground: sharing, replaying, forking', () => {
  test('the address replays the same run exactly', async ({ page, browser }) => {
    const lab = new Playground(page);
    await partitionedRun(lab);
    const rows = await Promise.all(['A', 'B', 'C'].map((id) => lab.rowText(id)));
    expect(page.url()).toMatch(/[?&]run=1\./);

    const other = new Playground(await browser.newPage());
    await other.page.goto(page.url());
    await expect(other.page.getByRole('status').filter({ hasText: 'Replaying a shared run: 3 actions' })).toBeVisible();
    await other.seek(3000);
    expect(await Promise.all(['A', 'B', 'C'].map((id) => other.rowText(id)))).toEqual(rows);
    await expect(other.status).toHaveText(/Replicas disagree on x/);
  });

  test('copy link keeps the moment too', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const lab = new Playground(page);
    await partitionedRun(lab);
    await lab.seek(2500);
    await lab.button('Copy link to this run').click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const other = new Playground(await context.newPage());
    await other.page.goto(link);
    await expect(other.page.getByRole('timer', { name: 'Simulated time' })).toHaveText('t = 2.50 s');
  });

  test('acting after scrubbing back forks the run there', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    await lab.seek(2000);
    await lab.write('2');
    await lab.pause();
    await expect(page.getByText('2 actions in this run')).toBeVisible();
    await lab.seek(500);
    await lab.write('3');
    await lab.pause();
    await expect(page.getByRole('status').filter({ hasText: 'the run now forks at 0.50 s without it' })).toBeVisible();
    await expect(page.getByText('2 actions in this run')).toBeVisible();
    await lab.seek(2500);
    await expect(lab.replica('A')).toHaveAccessibleName(/x = 3/);
    // What the fork dropped is offered back.
    const notice = page.getByRole('status').filter({ hasText: 'the run now forks at 0.50 s without it' });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('2 actions in this run')).toBeVisible();
  });

  test('saves the run as JSON and opens it again', async ({ page }) => {
    const lab = new Playground(page);
    await partitionedRun(lab);
    const [download] = await Promise.all([page.waitForEvent('download'), lab.button('Save run as JSON').click()]);
    expect(download.suggestedFilename()).toMatch(/^ec-lab-run-seed1\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    const saved = JSON.parse(text);
    expect(saved.script).toHaveLength(3);

    await lab.button('Reset').click();
    await expect(page.getByText('0 actions in this run')).toBeVisible();
    await page.getByLabel('Run file to open').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('status').filter({ hasText: 'Opened “run.json”: 3 actions' })).toBeVisible();
    await lab.seek(3000);
    await expect(lab.status).toHaveText(/Replicas disagree on x/);
  });

  test('refuses a broken run file with a specific message and keeps the run', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    const file = page.getByLabel('Run file to open');
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,') });
    await expect(page.getByRole('alert')).toHaveText(/“broken\.json” is not a run file: it is not valid JSON\. Nothing was changed\./);
    await file.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, cluster: { replicas: 3, w: 7 } })) });
    await expect(page.getByRole('alert')).toHaveText(/“wrong\.json” could not be opened: cluster\.w must be between 1 and 3, not 7/);
    await expect(page.getByText('1 action in this run')).toBeVisible();
  });

  test('saves the pictures as SVG and PNG', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    const [svg] = await Promise.all([page.waitForEvent('download'), lab.button('Save cluster as SVG').click()]);
    expect(svg.suggestedFilename()).toBe('ec-lab-cluster.svg');
    expect(await readFile((await svg.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const [png] = await Promise.all([page.waitForEvent('download'), lab.button('Save space-time diagram as PNG').click()]);
    expect(png.suggestedFilename()).toBe('ec-lab-space-time diagram.png');
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  test('a malformed link gives a specific message and a working lab', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lab = new Playground(page);
    // Servers refuse addresses much over 8 kB, so the oversize rule itself is unit-tested in src/embed.
    for (const bad of ['garbage', '1.AAAA', '%00%ff', `1.${'A'.repeat(6000)}`]) {
      await lab.open(`?lab=playground&run=${bad}`);
      await expect(page.getByRole('alert')).toContainText("This link's run could not be read");
      await expect(page.getByRole('alert')).toContainText('The lab started with its default settings instead.');
    }
    await lab.write('1');
    await lab.pause();
    await lab.seek(1500);
    await expect(lab.replica('A')).toHaveAccessibleName(/x = 1/);
    expect(errors).toEqual([]);
  });
});
