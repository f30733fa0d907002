import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const spectrum = (page: Page) => page.getByRole('region', { name: 'Your run against the spectrum' });
const model = (page: Page, name: RegExp) => spectrum(page).getByRole('button', { name });

async function open(page: Page, query = '?lab=consistency') {
  await page.goto(`./${query}`);
  await expect(page.getByRole('heading', { name: 'Consistency spectrum', level: 1 })).toBeVisible();
}

test.describe('consistency lab', () => {
  test('judges the learner’s own run: a write and a read, every model holds', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Write x=1' }).click();
    await page.getByRole('button', { name: 'Read x' }).click();
    await expect(model(page, /^Linearizable holds$/)).toBeVisible({ timeout: 10_000 });
    await expect(model(page, /^Read your writes holds$/)).toBeVisible();
    await expect(spectrum(page).getByRole('img', { name: /^The operations judged: 2 operations by 1 client$/ })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test('W + R > N, and still not linearizable: the witness, then write-back flips the verdict', async ({ page }) => {
    await open(page);
    const story = page.getByRole('region', { name: 'Story: W + R > N, and still not linearizable' });
    await story.getByRole('button', { name: 'Load the story' }).click();
    await expect(model(page, /^Linearizable broken$/)).toBeVisible({ timeout: 10_000 });
    await expect(model(page, /^Sequential holds$/)).toBeVisible();
    await model(page, /^Linearizable broken$/).click();
    await expect(model(page, /^Linearizable broken$/)).toHaveAttribute('aria-pressed', 'true');
    await expect(spectrum(page).getByRole('status')).toHaveText(
      'Linearizable: broken. No order of these operations, each taking effect at an instant between its start and its end, gives every read its answer: c1 wrote x = 1 (0.00 s to 0.23 s); c2 read x = 1 (0.04 s to 0.06 s); c3 read x = nothing (0.08 s to 0.11 s).',
    );
    await expect(spectrum(page).getByRole('img', { name: /^The operations judged: 3 operations by 3 clients, 3 of them marked, 2 numbered in the longest order found$/ })).toBeVisible();
    await expect(spectrum(page).getByText(/^The longest order the search found for x \(numbered on the diagram\): 1\. c1 wrote x = 1; 2\. c2 read x = 1\. /)).toBeVisible();
    // The same operations, with their messages, on the space-time diagram below the cluster.
    const messages = page.getByRole('region', { name: 'Space-time diagram' });
    await page.mouse.move(0, 0);
    await expect(messages.getByText('Marked: the operations that break linearizable, with their messages. Point at anything to light it up instead.')).toBeVisible();
    await story.getByRole('checkbox', { name: /^Reads write back/ }).check();
    await story.getByRole('button', { name: 'Load the story with write-back' }).click();
    await expect(model(page, /^Linearizable holds$/)).toBeVisible({ timeout: 10_000 });
    await expect(story).toContainText(/\d+ of \d+ reads waited for their write-back, \d+ ms on average/);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test('separating examples: beside each model, a run that breaks it and keeps the model below, replayable in the lab', async ({ page }) => {
    await open(page);
    // By keyboard: the map's models and the examples' buttons are ordinary buttons.
    await model(page, /^Sequential/).focus();
    await page.keyboard.press('Enter');
    await expect(model(page, /^Sequential/)).toHaveAttribute('aria-pressed', 'true');
    const examples = spectrum(page).getByRole('region', { name: 'An example: what sequential rules out' });
    const example = examples.getByRole('article', { name: 'Example: Two writers, each blind to the other' });
    await expect(example.getByRole('listitem')).toHaveText(['✓ Causal holds', '✗ Sequential broken'], { timeout: 10_000 });
    await expect(example.getByRole('img', { name: /^Example: Two writers, each blind to the other: 4 operations by 2 clients, \d of them marked$/ })).toBeVisible();
    await example.getByRole('button', { name: 'Replay “Two writers, each blind to the other” in the lab' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByText(/^Example loaded: “Two writers, each blind to the other”/)).toBeVisible();
    // The lab's own map now judges the loaded run, with the same verdicts.
    await expect(model(page, /^Sequential broken$/)).toBeVisible({ timeout: 10_000 });
    await expect(model(page, /^Causal holds$/)).toBeVisible();
    await expect(spectrum(page).getByRole('img', { name: /^The operations judged: 4 operations by 2 clients/ })).toBeVisible();
    // Causal's details tell causal convergence beside it; causal has two arrows, so two examples.
    await model(page, /^Causal holds$/).click();
    await expect(spectrum(page).getByText(/^Causal convergence: holds for this run\.$/)).toBeVisible();
    const causal = spectrum(page).getByRole('region', { name: 'Examples: what causal rules out' });
    await expect(causal.getByRole('article')).toHaveCount(2);
    await expect(causal.getByRole('article').first().getByRole('listitem')).toHaveText(['✓ PRAM holds', '✗ Causal broken'], { timeout: 10_000 });
    // Causal links to the sessions lab's story where it breaks and the module's fixes mend it.
    await expect(spectrum(page).getByRole('link', { name: 'See it broken, and each fix, in the sessions lab: “A comment before its post”' })).toHaveAttribute('href', '?lab=sessions&story=comment-first');
    // So does every session guarantee, each to its own story.
    await model(page, /^Monotonic writes /).click();
    await expect(spectrum(page).getByRole('link', { name: 'See it broken, and each fix, in the sessions lab: “The price before its correction”' })).toHaveAttribute('href', '?lab=sessions&story=old-price');
    await model(page, /^Writes follow reads /).click();
    await expect(spectrum(page).getByRole('link', { name: 'See it broken, and each fix, in the sessions lab: “A reply before its question”' })).toHaveAttribute('href', '?lab=sessions&story=reply-first');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test('checks a pasted Jepsen history, and names a malformed line', async ({ page }) => {
    await open(page);
    const panel = page.getByRole('region', { name: 'Check a history from a test tool' });
    await panel.getByRole('button', { name: 'Paste an example' }).click();
    await panel.getByRole('button', { name: 'Check the history' }).click();
    await expect(panel.getByRole('button', { name: /^Linearizable broken$/ })).toBeVisible({ timeout: 10_000 });
    await expect(panel.getByRole('button', { name: /^Monotonic reads holds$/ })).toBeVisible();
    await expect(panel.getByRole('img', { name: /^The history checked: 3 operations by 3 clients/ })).toBeVisible();
    await panel.getByLabel('History lines').fill('{:process 0, :type :invoke, :f :write, :value 1}\n<script>alert(1)</script>');
    await panel.getByRole('button', { name: 'Check the history' }).click();
    await expect(panel.getByRole('alert')).toHaveText(/^the example history could not be checked: line 2: /);
    // The lab keeps working: the map above still answers.
    await expect(model(page, /^Linearizable/)).toBeEnabled();
  });

  test('other labs open the consistency lab on their run', async ({ page }) => {
    await page.goto('./?lab=playground');
    await page.getByRole('button', { name: 'Write x=1' }).click();
    await page.getByRole('button', { name: 'Check this run against the consistency spectrum' }).click();
    await expect(page.getByRole('heading', { name: 'Consistency spectrum', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Checking a run brought from another lab: 1 action.' }).first()).toBeVisible();
    await expect(spectrum(page).getByRole('img', { name: /^The operations judged: 1 operation by 1 client$/ })).toBeVisible({ timeout: 10_000 });
  });

  test('works at 360 px, with no accessibility violations', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await open(page);
    await expect(model(page, /^Monotonic writes/)).toBeVisible({ timeout: 10_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
