import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * The lab's own "Embed this" dialog (issue 16): it fills in the run as it is now, gives
 * each kind of docs page its snippet, and copies it, or, where the clipboard is refused,
 * selects it and says how to copy it by hand.
 */

test.describe('Embed this', () => {
  test('gives the snippet for the run as it is now, for each kind of page, and copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./?lab=playground');
    await page.getByRole('button', { name: 'Write x=1' }).click();
    await expect(page.getByText('1 action in this run')).toBeVisible();
    await page.getByRole('button', { name: 'Embed this' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this lab' });
    await expect(dialog).toBeVisible();
    const snippet = dialog.getByRole('textbox', { name: 'Snippet to paste' });
    const src = (await snippet.inputValue()).match(/src="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
    const url = new URL(src);
    expect(url.searchParams.get('lab')).toBe('playground');
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.has('run')).toBe(true);
    await expect(snippet).toHaveValue(/<script src="[^"]*embed\.js" defer><\/script>/);

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());

    // A docs generator's snippet comes in two parts, the page's and the configuration's, each copied on its own.
    const kinds = dialog.getByRole('group', { name: 'Where your page is made' });
    await kinds.getByRole('radio', { name: 'Docusaurus' }).check();
    const page1 = dialog.getByRole('textbox', { name: 'For a page of docs/ (an .mdx file)' });
    await expect(page1).toHaveValue(/style=\{\{/);
    await expect(page1).not.toHaveValue(/docusaurus\.config/);
    const config = dialog.getByRole('textbox', { name: 'For docusaurus.config.js' });
    await expect(config).toHaveValue(/scripts: \[\{ src: '[^']*embed\.js', defer: true \}\]/);
    await dialog.getByRole('button', { name: 'Copy: For docusaurus.config.js' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied. Paste it into docusaurus.config.js.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await config.inputValue());
    await kinds.getByRole('radio', { name: 'MkDocs (Material)' }).check();
    await expect(dialog.getByRole('textbox', { name: /^For mkdocs\.yml/ })).toHaveValue(/extra_javascript/);
    await kinds.getByRole('radio', { name: 'Astro Starlight' }).check();
    await expect(dialog.getByRole('textbox', { name: 'For astro.config.mjs' })).toHaveValue(/head:/);
    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('where the clipboard is refused, selects the snippet and says how to copy it', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await page.goto('./?lab=quorum');
    await page.getByRole('button', { name: 'Embed this' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this lab' });
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copy it with Ctrl+C (or ⌘C)');
    const selected = await dialog.getByRole('textbox', { name: 'Snippet to paste' }).evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(selected).toContain('lab=quorum');
  });
});
