import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const panel = (page: Page) => page.getByRole('region', { name: 'Version vectors' });
const verdict = (page: Page) => panel(page).getByRole('status', { name: 'Verdict' });
const happened = (page: Page) => panel(page).getByRole('status', { name: 'What just happened' });
const count = (page: Page, node: string, side: 'A' | 'B') => panel(page).getByLabel(`Count for ${node} in ${side}`, { exact: true });
const versionsAt = (page: Page, node: string) => panel(page).getByRole('list', { name: `Versions at ${node}` }).getByRole('listitem');
const button = (page: Page, name: string | RegExp) => panel(page).getByRole('button', { name, exact: typeof name === 'string' });

async function open(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(panel(page)).toBeVisible();
}

async function writeAt(page: Page, node: string, value: string) {
  await panel(page).getByLabel('Value to write').fill(value);
  await button(page, `Write at ${node}`).click();
}

test.describe('conflicts lab: version vectors', () => {
  test('the module examples get the module’s verdicts, with the deciding entries named and marked', async ({ page }) => {
    await open(page, '?lab=conflicts');
    const expected = [
      { headline: 'Concurrent — a conflict', reason: 'A is ahead at Node1, and B is ahead at Node2', marks: ['A ahead', 'B ahead'], merged: '{Node1:2, Node2:1}' },
      { headline: 'A dominates B', reason: 'A is ahead at Node1 and behind at no node', marks: ['A ahead'], merged: '{Node1:2, Node2:0}' },
      { headline: 'Concurrent — a conflict', reason: 'A is ahead at Node1, and B is ahead at Node2', marks: ['A ahead', 'B ahead'], merged: '{Node1:2, Node2:2}' },
      { headline: 'A dominates B', reason: 'A is ahead at Node1 and behind at no node', marks: ['A ahead'], merged: '{Node1:2, Node2:1}' },
    ];
    for (const [i, want] of expected.entries()) {
      await button(page, new RegExp(`^Example ${i + 1}:`)).click();
      await expect(verdict(page)).toContainText(want.headline);
      await expect(verdict(page)).toContainText(want.reason);
      const table = panel(page).getByRole('table', { name: 'Entries of A and B, node by node' });
      await expect(table.getByRole('row', { name: /^Node1/ }).getByRole('cell', { name: /A ahead/ })).toHaveText(/^2\s*▲?\s*A ahead$/);
      await expect(table.getByRole('cell', { name: /ahead/ })).toHaveCount(want.marks.length);
      if (want.marks.includes('B ahead')) await expect(table.getByRole('row', { name: /^Node2/ }).getByRole('cell', { name: /B ahead/ })).toBeVisible();
      await expect(panel(page)).toContainText(`Merged (the larger count at every node): ${want.merged}.`);
    }
  });

  test('the merge of two conflicting vectors is called a context, and the write made with it is shown', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await button(page, /^Example 1:/).click();
    await expect(panel(page)).toContainText(
      'Merged (the larger count at every node): {Node1:2, Node2:1}. It is not a version but what a client has seen after reading both A and B. A write made with that context is a new version: its vector is the merge plus one at the node that takes the write (a write at Node1 gets {Node1:3, Node2:1}), and it dominates both A and B. (That is so when that node has taken no write the client has not seen; otherwise the new write is listed above a gap.)',
    );
    await expect(panel(page).getByRole('listitem').filter({ hasText: 'Their merge, {Node1:2, Node2:1}, is not a new version' })).toContainText(
      'A write that client then makes at Node1 is a new version, {Node1:3, Node2:1}, which dominates both.',
    );
    await button(page, /^Example 2:/).click();
    await expect(panel(page)).toContainText('{Node1:2, Node2:0}. That is A’s vector again: A had already seen everything B had.');
    // The sibling demo says what a write sends, and how to read a version.
    await expect(panel(page)).toContainText('A client remembers everything it has read and written at its replica (its session’s causal context) and sends all of it with each write');
    await panel(page).getByText('How to read a version such as {A:2} + F:4').click();
    await expect(panel(page).getByText(/So each version carries a version vector plus the writes above a gap\./)).toBeVisible();
  });

  test('editing, adding and removing entries changes the verdict, from the keyboard too', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await expect(verdict(page)).toContainText('Concurrent — a conflict');
    await count(page, 'Node2', 'B').fill('0');
    await expect(verdict(page)).toContainText('A dominates B');
    await count(page, 'Node1', 'A').fill('1');
    await expect(verdict(page)).toContainText('Equal');
    await expect(verdict(page)).toContainText('Neither dominates the other');
    await expect(panel(page).getByRole('cell', { name: /ahead/ })).toHaveCount(0);

    await button(page, 'Add a node to B').focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByLabel('Node 3 of B', { exact: true })).toBeFocused();
    await expect(panel(page).getByLabel('Node 3 of B', { exact: true })).toHaveValue('Node3');
    await page.keyboard.press('Tab');
    await expect(count(page, 'Node3', 'B')).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await expect(count(page, 'Node3', 'B')).toHaveValue('4');
    await expect(verdict(page)).toContainText('B dominates A');
    await expect(verdict(page)).toContainText('B is ahead at Node3');
    await expect(panel(page).getByRole('row', { name: /^Node3/ }).getByRole('cell', { name: /B ahead/ })).toBeVisible();
    await expect(panel(page).getByRole('row', { name: /^Node3/ }).getByRole('cell', { name: /no entry/ })).toBeVisible();

    await button(page, 'Remove Node3 from B').click();
    await expect(verdict(page)).toContainText('Equal');
    await expect(button(page, 'Add a node to B')).toBeFocused();

    await count(page, 'Node1', 'A').fill('-1');
    await expect(verdict(page)).toContainText('Nothing to compare');
    await expect(count(page, 'Node1', 'A')).toHaveAccessibleDescription(/negative/);
  });

  test('the address opens the vectors it names', async ({ page }) => {
    await open(page, '?lab=conflicts&va=Node1:2,Node2:1&vb=Node1:1,Node2:2,Node3:5');
    await expect(panel(page).getByRole('alert')).toHaveCount(0);
    await expect(count(page, 'Node2', 'A')).toHaveValue('1');
    await expect(count(page, 'Node3', 'B')).toHaveValue('5');
    await expect(verdict(page)).toContainText('Concurrent — a conflict');
    await expect(verdict(page)).toContainText('B is ahead at Node2 and Node3');
    await expect(panel(page).getByRole('link', { name: 'Link to this comparison' })).toHaveAttribute('href', '?lab=conflicts&va=Node1:2,Node2:1&vb=Node1:1,Node2:2,Node3:5');
  });

  test('a malformed address gets a message naming the parameter, and the first module example', async ({ page }) => {
    await open(page, `?lab=conflicts&va=Node1:-1,Node2:0&vb=${'N'.repeat(30)}:1`);
    // Every bad value in the address is told in the lab's one notice bar, above the cart.
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('va: the count in "Node1:-1" is negative');
    await expect(alert).toContainText('vb: the node name');
    await expect(alert).toContainText('is longer than 24 characters');
    await expect(alert).toContainText("Showing the module's first example instead");
    await expect(count(page, 'Node1', 'A')).toHaveValue('2');
    await expect(count(page, 'Node2', 'B')).toHaveValue('1');
    await expect(verdict(page)).toContainText('Concurrent — a conflict');
  });

  test('hostile text in the address is refused and shown as code points', async ({ page }) => {
    await open(page, '?lab=conflicts&va=No%E2%80%AEde1:1&vb=Node1:1e9');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('U+202E');
    await expect(alert).not.toContainText('\u202E');
    await expect(alert).toContainText('vb: the count in "Node1:1e9" is not a whole number');
    await expect(count(page, 'Node1', 'A')).toHaveValue('2');
  });

  test('concurrent writes come back as siblings; a write made after reading them replaces both', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await writeAt(page, 'Node1', 'red');
    await button(page, 'Sync Node1 and Node2').click();
    await button(page, 'Read at Node2').click();
    await expect(happened(page)).toContainText('A read at Node2 returns one value, "red"');
    await writeAt(page, 'Node2', 'green');
    await expect(happened(page)).toContainText('It replaces "red": its writer had seen that version.');

    await writeAt(page, 'Node1', 'blue');
    await button(page, 'Sync Node1 and Node2').click();
    await expect(versionsAt(page, 'Node1')).toHaveText(['“blue” {Node1:2, Node2:0}', '“green” {Node1:1, Node2:1}']);
    await button(page, 'Read at Node1').click();
    await expect(happened(page)).toContainText('A read at Node1 returns 2 values, siblings');
    await expect(happened(page)).toContainText('The client now carries {Node1:2, Node2:1}');

    await button(page, 'Compare these siblings as A and B (at Node1)').click();
    await expect(panel(page).getByRole('heading', { name: 'Verdict' })).toBeFocused();
    await expect(verdict(page)).toContainText('Concurrent — a conflict');
    await expect(count(page, 'Node2', 'B')).toHaveValue('1');

    await writeAt(page, 'Node1', 'teal');
    await expect(versionsAt(page, 'Node1')).toHaveText(['“teal” {Node1:3, Node2:1}']);
    await button(page, 'Read at Node1').click();
    await expect(happened(page)).toContainText('A read at Node1 returns one value, "teal"');
    await button(page, 'Sync Node1 and Node2').click();
    await expect(versionsAt(page, 'Node2')).toHaveText(['“teal” {Node1:3, Node2:1}']);
  });

  test('the module’s story sets up its two concurrent writes', async ({ page }) => {
    await open(page, '?lab=conflicts');
    await button(page, 'Replay the module’s story').click();
    await expect(versionsAt(page, 'Node1')).toHaveText(['“v2” {Node1:2, Node2:0}']);
    await expect(versionsAt(page, 'Node2')).toHaveText(['“v3” {Node1:1, Node2:1}']);
    await expect(panel(page).getByLabel('Value to write')).toHaveValue('v4');
  });
});

test.describe('conflicts lab: version vectors, accessibility and layout', () => {
  async function busy(page: Page, query = '?lab=conflicts&va=Node1:x') {
    await open(page, query);
    await button(page, 'Replay the module’s story').click();
    await button(page, 'Sync Node1 and Node2').click();
    await button(page, 'Read at Node1').click();
    await expect(versionsAt(page, 'Node1')).toHaveCount(2);
  }

  test('passes an axe scan with a message, siblings and a verdict on screen', async ({ page }) => {
    await busy(page);
    const results = await new AxeBuilder({ page }).include('.vv').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('passes an axe scan in the dark theme, with an entry refused', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await busy(page);
    await count(page, 'Node1', 'A').fill('');
    await expect(verdict(page)).toContainText('Nothing to compare');
    const results = await new AxeBuilder({ page }).include('.vv').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  for (const width of [360, 1920]) {
    test(`fits a ${width} px wide window without scrolling the page sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await busy(page, '?lab=conflicts&va=Node1:2,Node2:0,Node3:1000000000&vb=Node1:1,Node2:1');
      await expect(verdict(page)).toContainText('Concurrent — a conflict');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      // No sideways scrolling: the page no wider than its window (narrower by a stable scrollbar gutter).
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(panel(page).getByRole('region', { name: 'Entries of A and B, node by node' })).toHaveAttribute('tabindex', '0');
    });
  }
});
