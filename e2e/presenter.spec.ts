import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Presenter mode (issue 16): the projector palette at 1920 × 1080 in light and dark, the
 * clicker's keys through a lab's stories, blanking, the one help dialog, a playlist made
 * in the editor and walked end to end with the clicker, and the speaker view following.
 */

test.use({ viewport: { width: 1920, height: 1080 } });

const bodyFontPx = (page: Page) => page.locator('main p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
const said = (page: Page) => page.getByRole('region', { name: 'Presenter' }).getByRole('status');
const storyPressed = (page: Page) => page.getByRole('group', { name: 'Stories' }).locator('[aria-pressed="true"]');

test.describe('presenter mode', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the projector palette at 1920 × 1080 (${scheme}): 24 px text, the picture larger, nothing axe finds`, async ({ page }, info) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./?lab=quorum&presenter=1');
      await expect(page.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
      expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(24);
      // The learner's chrome is folded away: no site banner or footer, the intro behind "About this lab".
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByText('About this lab')).toBeVisible();
      // Labels in the picture grow with the type: the picture is drawn smaller and scaled up.
      const label = page.locator('.cluster-view .client-label').first();
      const shown = await label.evaluate((t) => (t as SVGGraphicsElement).getBoundingClientRect().height);
      expect(shown).toBeGreaterThan(20);
      await info.attach(`presenter-${scheme}`, { body: await page.screenshot(), contentType: 'image/png' });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    });
  }

  test('the toggle turns it on and off, and ? lists every shortcut of the lab in view', async ({ page }) => {
    await page.goto('./?lab=conflicts');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.getByRole('region', { name: 'Presenter' })).toBeVisible();
    // A reload keeps it: the address says so.
    await expect(page).toHaveURL(/[?&]presenter=1/);
    expect(await bodyFontPx(page)).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help.getByRole('heading', { name: 'In presenter mode' })).toBeVisible();
    await expect(help.getByRole('term')).toHaveText(['k or Space', '.', 'Shift+R', '?', 'Shift+P', 'PageDown or →', 'PageUp or ←', 'b', 'f', 's']);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await expect(page.getByRole('region', { name: 'Presenter' })).toHaveCount(0);
    await expect(page).not.toHaveURL(/presenter=/);
    await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
    // Out of presenter mode the page keys are the learner's again: PageDown scrolls, no story changes.
    const before = await storyPressed(page).textContent();
    await page.keyboard.press('PageDown');
    await expect(storyPressed(page)).toHaveText(before!);
  });

  test('the clicker steps through the lab’s stories, never while a slider has focus; b blanks the screen', async ({ page }) => {
    await page.goto('./?lab=conflicts&presenter=1');
    await expect(storyPressed(page)).toHaveCount(1);
    const first = await storyPressed(page).textContent();
    await page.keyboard.press('PageDown');
    await expect(said(page)).toHaveText(/^Stories: 2 of \d, /);
    await expect(storyPressed(page)).not.toHaveText(first!);
    await page.keyboard.press('PageUp');
    await expect(storyPressed(page)).toHaveText(first!);
    await page.keyboard.press('PageUp');
    await expect(said(page)).toHaveText('This is the first of the stories.');

    // → on the focused timeline moves the playhead, not the story.
    await page.getByRole('slider').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(storyPressed(page)).toHaveText(first!);

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('b');
    await expect(page.getByText('The screen is blank. Press b to show it again.')).toBeAttached();
    await page.keyboard.press('b');
    await expect(page.getByText('The screen is blank. Press b to show it again.')).toHaveCount(0);
  });

  test('a playlist made in the editor is walked end to end with the clicker, and the speaker view follows and steps it', async ({ page, context }) => {
    await page.goto('./?lab=playground&presenter=1');
    await page.getByRole('button', { name: 'Make a playlist' }).click();
    const editor = page.getByRole('dialog', { name: 'Playlist' });
    await editor.getByRole('button', { name: 'Add this page’s run' }).click();
    await editor.getByRole('textbox', { name: 'Title of run 1' }).fill('A replica playground');
    await editor.getByRole('textbox', { name: 'Talking point for run 1' }).fill('Ask the room which replica answers first.');
    await editor.getByRole('textbox', { name: 'Or paste a link to a run' }).fill('?lab=quorum&n=5&w=3&r=3');
    await editor.getByRole('button', { name: 'Add the link' }).click();
    await editor.getByRole('textbox', { name: 'Title of run 2' }).fill('Five replicas, W = R = 3');
    await editor.getByRole('textbox', { name: 'Talking point for run 2' }).fill('Overlap: every read meets the last write.');
    await editor.getByRole('textbox', { name: 'Or paste a link to a run' }).fill('https://elsewhere.example/?lab=sessions&story=count-down');
    await editor.getByRole('button', { name: 'Add the link' }).click();
    await editor.getByRole('textbox', { name: 'Title of run 3' }).fill('The count went down');
    await editor.getByRole('textbox', { name: 'Or paste a link to a run' }).fill('not a link');
    await editor.getByRole('button', { name: 'Add the link' }).click();
    await expect(editor.getByRole('status')).toHaveText(/not a link to one of this site’s labs/);
    await editor.getByRole('button', { name: 'Start the playlist' }).click();
    await expect(said(page)).toHaveText('Item 1 of 3: A replica playground');

    const [speaker] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Speaker view' }).click()]);
    await expect(speaker.getByRole('heading', { name: 'Now: A replica playground' })).toBeVisible();
    await expect(speaker.getByText('Ask the room which replica answers first.')).toBeVisible();
    await expect(speaker.getByRole('heading', { name: 'Next: Five replicas, W = R = 3' })).toBeVisible();
    await expect(speaker.getByRole('timer', { name: 'Time since the speaker view opened' })).toHaveText(/^\d+:\d\d$/);

    await page.bringToFront();
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
    await expect(said(page)).toHaveText('Item 2 of 3: Five replicas, W = R = 3');
    expect(new URL(page.url()).searchParams.get('n')).toBe('5');
    await expect(speaker.getByRole('heading', { name: 'Now: Five replicas, W = R = 3' })).toBeVisible();

    // The speaker view's own Next steps the projected window.
    await speaker.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByRole('heading', { name: /^Sessions: seeing your own writes/, level: 1 })).toBeVisible();
    await expect(speaker.getByRole('heading', { name: 'Next: nothing: this is the last' })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(said(page)).toHaveText('This is the last item of the playlist.');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();

    // The speaker view blanks the projected screen, and says it is blank.
    await speaker.getByRole('button', { name: 'Blank or show the screen' }).click();
    await expect(page.getByText('The screen is blank. Press b to show it again.')).toBeAttached();
    await expect(speaker.getByText('The projected screen is blank (b shows it again)')).toBeVisible();
    await page.keyboard.press('b');
    await expect(speaker.getByText('The projected screen is blank (b shows it again)')).toHaveCount(0);

    // The playlist's link opens it again, at its first item, in presenter mode.
    await page.getByRole('button', { name: 'Playlist' }).click();
    await page.getByRole('dialog', { name: 'Playlist' }).getByRole('button', { name: 'Copy a link to it' }).click();
    const link = await page.getByRole('textbox', { name: 'The playlist’s link' }).inputValue();
    const again = await context.newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { name: 'Replica playground' })).toBeVisible();
    await again.keyboard.press('PageDown');
    await expect(again.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
  });

  test('a playlist saved as a file opens again from it; a file that is not one is refused in a sentence', async ({ page }) => {
    await page.goto('./?lab=quorum&presenter=1');
    await page.getByRole('button', { name: 'Make a playlist' }).click();
    const editor = page.getByRole('dialog', { name: 'Playlist' });
    await editor.getByRole('textbox', { name: 'Title of the playlist' }).fill('Week 3');
    await editor.getByRole('button', { name: 'Add this page’s run' }).click();
    await editor.getByRole('textbox', { name: 'Talking point for run 1' }).fill('W + R > N, and still stale?');
    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'Save as a file' }).click()]);
    const saved = await download.path().then((path) => import('node:fs').then((fs) => fs.readFileSync(path, 'utf8')));
    expect(JSON.parse(saved)).toMatchObject({ format: 'ec-lab-playlist', version: 1, title: 'Week 3', items: [{ title: 'Quorum lab', point: 'W + R > N, and still stale?' }] });
    await editor.getByRole('button', { name: 'Remove run 1' }).click();
    await expect(editor.getByRole('textbox', { name: 'Title of run 1' })).toHaveCount(0);
    const file = editor.getByLabel('Open a playlist file');
    await file.setInputFiles({ name: 'week3.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await expect(editor.getByRole('status')).toHaveText('Opened “Week 3”: 1 run.');
    await expect(editor.getByRole('textbox', { name: 'Talking point for run 1' })).toHaveValue('W + R > N, and still stale?');
    await file.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"items": "<img src=x>"}') });
    await expect(editor.getByRole('status')).toHaveText('This file is not a playlist saved by this lab.');
  });

  test('f asks for full screen and f leaves it', async ({ page }) => {
    await page.goto('./?lab=quorum&presenter=1');
    await expect(page.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('HTML');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  test('in a lesson the clicker steps through its steps, over the lab’s own scenes', async ({ page }) => {
    await page.goto('./?lab=playground&lesson=stale-read&presenter=1');
    await expect(page.getByRole('heading', { name: /: step 1 of 5, / })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { name: /: step 2 of 5, / })).toBeVisible();
    await expect(said(page)).toHaveText(/^Lesson steps: 2 of 5, /);
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('heading', { name: /: step 1 of 5, / })).toBeVisible();
  });

  test('in the consistency lab the clicker loads its story, then the story with its fix', async ({ page }) => {
    await page.goto('./?lab=consistency&presenter=1');
    await expect(page.getByRole('heading', { name: /^Story: / })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(said(page)).toHaveText('Stories: 1 of 2, W + R > N, and still not linearizable');
    await page.keyboard.press('PageDown');
    await expect(said(page)).toHaveText('Stories: 2 of 2, The same story, with reads that write back');
    await expect(page.getByRole('checkbox', { name: /^Reads write back/ })).toBeChecked();
  });

  test('a speaker view opened by hand, without its projected window’s token, says how to open it', async ({ page }) => {
    await page.goto('./?lab=quorum&presenter=1&speaker=1');
    await expect(page.getByRole('alert')).toHaveText(/^Open the speaker view from the projected window/);
  });

  test('a broken playlist in a link is refused in a sentence, and the lab carries on', async ({ page }) => {
    await page.goto('./?lab=quorum&presenter=1&playlist=p1.<script>&item=2');
    await expect(said(page)).toHaveText(/^This link's playlist could not be read: /);
    await expect(page.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
  });
});
