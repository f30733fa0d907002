import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground.ts';

test.describe('replica playground: keyboard, screen readers, small screens', () => {
  test('passes an axe scan in several states', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.expectNoAxeViolations();
    await lab.write('1');
    await lab.pause();
    await lab.seek(60);
    await lab.replica('A').click();
    await lab.expectNoAxeViolations();
    await lab.splitOff(['C', 'c2']);
    await lab.pause();
    await lab.seek(1500);
    await lab.expectNoAxeViolations();
    await lab.open('?lab=playground&run=garbage');
    await expect(page.getByRole('alert')).toBeVisible();
    await lab.expectNoAxeViolations();
  });

  test('the shortcuts are listed in one dialog, opened by ? or its button, and the speed says how long a second takes', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await expect(page.getByText('1 s of the run takes 10 s to watch')).toBeVisible();
    await page.getByLabel('Speed').selectOption('4');
    await expect(page.getByText('1 s of the run takes 2.5 s to watch')).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('term')).toHaveText(['k or Space', '.', 'Shift+R', '?', 'Shift+P', 'PageDown or →', 'PageUp or ←', 'b', 'f', 's']);
    await lab.expectNoAxeViolations();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.getByRole('toolbar', { name: 'Playback', exact: true }).getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
  });

  test('shortcuts play, pause, step and reset, but never while typing', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    const value = page.getByLabel('Value');
    await value.fill('');
    await value.press('k');
    await value.press('.');
    await expect(value).toHaveValue('k.');
    await expect(lab.button('Play')).toBeVisible();
    await value.press('Tab');
    await page.keyboard.press('k');
    await expect(lab.button('Pause')).toBeVisible();
    await page.keyboard.press('k');
    await expect(lab.button('Play')).toBeVisible();

    await lab.seek(500);
    await lab.write('1');
    await lab.pause();
    await lab.seek(0);
    const ops = page.getByRole('region', { name: 'Operations' });
    // The write was issued at 0.5 s: before it, nothing.
    await expect(ops).toContainText('None yet');
    await page.getByRole('heading', { name: 'Replica playground' }).click();
    // Each press jumps to the next event (anti-entropy syncs included) until the write.
    const clock = page.getByRole('timer', { name: 'Simulated time' });
    for (let i = 0; i < 30 && (await clock.innerText()) < 't = 0.50 s'; i++) await page.keyboard.press('.');
    await expect(clock).toHaveText('t = 0.50 s');
    await expect(ops).toContainText('c1 writes x=1 through A');
    await page.keyboard.press('Shift+R');
    await expect(page.getByText('0 actions in this run')).toBeVisible();
    // Nothing is lost: the reset can be undone.
    await expect(page.getByRole('status').filter({ hasText: 'The run was reset' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('0 actions in this run')).toHaveCount(0);
  });

  test('everything a learner does works from the keyboard', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    // Select a replica in the picture with the keyboard, crash it from the inspector.
    await lab.replica('B').focus();
    await page.keyboard.press('Enter');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { name: 'Replica B' })).toBeVisible();
    await inspector.getByRole('button', { name: 'Crash B' }).focus();
    await page.keyboard.press('Enter');
    // Cut a link from the form.
    const faults = page.getByRole('region', { name: 'Network faults' });
    await faults.getByLabel('To', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await faults.getByRole('button', { name: /^Cut / }).focus();
    await page.keyboard.press('Enter');
    // Scrub the timeline with arrow keys.
    await lab.timeline.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('t = 0.02 s');
    await expect(lab.replica('B')).toHaveAccessibleName(/Replica B, down/);
    await expect(faults).toContainText('Cut: A→C, C→A');
  });

  test('pointing at something in one view lights it up in the other, and says so', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    await lab.seek(40);
    const spaceTime = page.getByRole('region', { name: 'Space-time diagram' });
    await lab.cluster.getByRole('listitem', { name: 'write x=1 from c1 to A' }).hover();
    await expect(spaceTime).toContainText('Lit up: message #0, write x=1 from c1 to A.');
    await lab.replica('B').hover();
    await expect(spaceTime).toContainText('Lit up: B and its messages.');
  });

  test('narrates what happens in a polite live region', async ({ page }) => {
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    const live = page.locator('[aria-live="polite"]');
    await expect(live).toContainText(/Write x=1 acknowledged by/, { timeout: 10_000 });
    await expect(page.getByRole('region', { name: 'What just happened' })).toContainText('c1 writes x=1 through A');
  });

  test('fits a 360 px wide frame with nothing cut off sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    await lab.seek(1500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(lab.replica('C')).toHaveAccessibleName(/x = 1/);
    await expect(lab.cluster).toBeInViewport({ ratio: 0.1 });
  });

  test('with reduced motion, messages do not glide', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const lab = new Playground(page);
    await lab.open();
    await lab.write('1');
    await lab.pause();
    const dot = lab.cluster.getByRole('list', { name: 'Messages in flight' }).getByRole('listitem', { name: 'write x=1 from c1 to A' });
    await lab.seek(10);
    const before = await dot.getAttribute('transform');
    await lab.seek(30);
    expect(await dot.getAttribute('transform')).toBe(before);
  });
});
