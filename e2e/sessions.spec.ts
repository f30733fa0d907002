import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SESSION_STORIES } from '../src/content/sessionStories.ts';
import { encodeRun } from '../src/embed/urlCodec.ts';

async function open(page: Page, query = '') {
  await page.goto(`./?lab=sessions${query}`);
  await expect(page.getByRole('heading', { name: 'Sessions: seeing your own writes, in order', level: 1 })).toBeVisible();
}

const verdict = (page: Page) => page.getByRole('region', { name: new RegExp(`^(${SESSION_STORIES.map((s) => s.title.replace('?', '\\?')).join('|')})$`) }).getByRole('status');
const costs = (page: Page) => page.getByRole('region', { name: 'What each fix costs' });

test.describe('sessions lab', () => {
  test('where is my update: broken with no fix, kept by each fix, and what each costs', async ({ page }) => {
    await open(page);
    await expect(verdict(page)).toHaveText('✗ Read your writes broken on this run, with no fix.', { timeout: 10_000 });
    for (const fix of ['Sticky sessions', 'Quorums, W + R > N', 'Version-based reads', 'Synchronous replication']) {
      await page.getByRole('radio', { name: fix }).check();
      // Inside the sentence the fix's first letter is small, and W + R > N stays as it is written.
      await expect(verdict(page)).toHaveText(`✓ Read your writes holds on this run, with ${fix.charAt(0).toLowerCase()}${fix.slice(1)}.`, { timeout: 10_000 });
    }
    // The address keeps the choice (not the run, which follows from it), and a reload brings it back.
    await expect(page).toHaveURL(/fix=sync/);
    expect(page.url()).not.toContain('run=');
    // The measurements arrive row by row; every fix is measured, with no fix broken and the others kept.
    const table = costs(page).getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(6, { timeout: 20_000 });
    await expect(table.getByRole('row', { name: /^No fix broken / })).toBeVisible();
    await expect(table.getByRole('row', { name: /^Synchronous replication holds / })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Synchronous replication' })).toBeChecked();
  });

  test('testing sticky sessions with a crash: the failover breaks read-your-writes, and the lab says why', async ({ page }) => {
    await open(page, '&fix=sticky');
    await expect(verdict(page)).toHaveText('✓ Read your writes holds on this run, with sticky sessions.', { timeout: 10_000 });
    await page.getByRole('checkbox', { name: /^Test it: A crashes/ }).check();
    await expect(verdict(page)).toHaveText('✗ Read your writes broken on this run, with sticky sessions, and A crashing.', { timeout: 10_000 });
    await expect(page.getByText(/fails over to B, which never got her write/)).toBeVisible();
    await expect(page).toHaveURL(/twist=on/);
  });

  test('a version vector’s false dependency: Bob’s unrelated note is held at B', async ({ page }) => {
    await open(page, '&story=comment-first&fix=vector&twist=on');
    await expect(page.getByRole('checkbox', { name: /^Test it: Bob first reads an unrelated key/ })).toBeChecked();
    await expect(verdict(page)).toHaveText('✓ Causal consistency holds on this run, with version vectors, and Bob writing a note.', { timeout: 10_000 });
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('500');
    await expect(page.getByRole('region', { name: /^Sessions at / })).toContainText('B holds bob’s write note = hi until it has what that write depends on.');
    await page.getByRole('radio', { name: 'Explicit dependencies' }).check();
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('500');
    await expect(page.getByRole('region', { name: /^Sessions at / })).not.toContainText('bob’s write note');
  });

  test('the count went down: monotonic reads broken, and kept by sticky sessions', async ({ page }) => {
    await open(page, '&story=count-down');
    await expect(verdict(page)).toHaveText('✗ Monotonic reads broken on this run, with no fix.', { timeout: 10_000 });
    await page.getByRole('radio', { name: 'Sticky sessions' }).check();
    await expect(verdict(page)).toHaveText('✓ Monotonic reads holds on this run, with sticky sessions.', { timeout: 10_000 });
  });

  test('a comment before its post: causal delivery holds the comment back at B, and the picture says so', async ({ page }) => {
    await open(page, '&story=comment-first&fix=deps');
    await expect(verdict(page)).toHaveText('✓ Causal consistency holds on this run, with explicit dependencies.', { timeout: 10_000 });
    // Move to the moment the comment has reached B and its post has not.
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('400');
    await expect(page.getByRole('region', { name: /^Sessions at / })).toContainText('B holds alice’s write comment = First! until it has what that write depends on.');
    await expect(page.getByText('1 write held back')).toBeVisible();
    // B shows neither yet: the comment waits for its post.
    const feeds = page.getByRole('region', { name: 'What a reader sees at each replica' });
    await expect(feeds.getByRole('listitem').filter({ hasText: /^B:/ })).toHaveText('B: no post');
    await page.getByRole('radio', { name: 'No fix' }).check();
    await expect(verdict(page)).toHaveText('✗ Causal consistency broken on this run, with no fix.', { timeout: 10_000 });
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('400');
    await expect(feeds.getByRole('listitem').filter({ hasText: /^B:/ })).toHaveText('B: no post, then the comment “First!” (a comment without its post)');
  });

  test('the price before its correction: monotonic writes broken, and kept by a home replica for the story’s keys', async ({ page }) => {
    await open(page, '&story=old-price');
    await expect(verdict(page)).toHaveText('✗ Monotonic writes broken on this run, with no fix.', { timeout: 10_000 });
    await page.getByRole('radio', { name: 'A home replica' }).check();
    await expect(verdict(page)).toHaveText('✓ Monotonic writes holds on this run, with a home replica.', { timeout: 10_000 });
    await expect(page.getByRole('region', { name: /^Sessions at / })).toContainText('bob sends every request for price, live to A, and carries nothing.');
    await expect(costs(page).getByRole('table').getByRole('row', { name: /^A home replica holds / })).toBeVisible({ timeout: 20_000 });
  });

  test('a reply before its question: writes follow reads broken, and kept by explicit dependencies', async ({ page }) => {
    await open(page, '&story=reply-first');
    await expect(verdict(page)).toHaveText('✗ Writes follow reads broken on this run, with no fix.', { timeout: 10_000 });
    // The moment the reply has reached B and its question has not.
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('500');
    const feeds = page.getByRole('region', { name: 'What a reader sees at each replica' });
    await expect(feeds.getByRole('listitem').filter({ hasText: /^B:/ })).toHaveText('B: no question, then the reply “Yes!” (a reply without its question)');
    await page.getByRole('radio', { name: 'Explicit dependencies' }).check();
    await expect(verdict(page)).toHaveText('✓ Writes follow reads holds on this run, with explicit dependencies.', { timeout: 10_000 });
    await page.getByRole('slider', { name: 'Timeline', exact: true }).fill('500');
    await expect(feeds.getByRole('listitem').filter({ hasText: /^B:/ })).toHaveText('B: no question');
  });

  test('a bad address gets a sentence, and the lab carries on', async ({ page }) => {
    await open(page, '&story=nope&fix=%3Cb%3E');
    await expect(page.getByRole('alert')).toContainText('There is no story “nope” here');
    await expect(verdict(page)).toHaveText('✗ Read your writes broken on this run, with no fix.', { timeout: 10_000 });
  });

  test('works at 360 px, with no accessibility violations', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, '&story=comment-first');
    await expect(verdict(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('a run with session settings, opened in the playground', () => {
  test('the inspector says what a client’s session carries and what a replica holds back', async ({ page }) => {
    // The comment story with causal delivery by explicit dependencies, as a link: the playground opens any run.
    const scenario = SESSION_STORIES.find((s) => s.id === 'comment-first')!.scenario('deps');
    await page.goto(`./?lab=playground&run=${encodeRun({ scenario, time: 400 })}`);
    await page.getByRole('button', { name: /^Client alice:/ }).click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector).toContainText('Its session has written post = Hello, comment = First!; has read nothing.');
    await page.getByRole('button', { name: /^Replica B/ }).first().click();
    await expect(inspector).toContainText('B holds alice’s write comment = First! until it has what that write depends on.');
  });
});
