import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, query = '') {
  await page.goto(`./?lab=conflicts${query}`);
  await expect(page.getByRole('heading', { name: 'A CRDT gallery' })).toBeVisible();
}

const gallery = (page: Page) => page.getByRole('region', { name: 'A CRDT gallery' });
/** The chosen type's panel: the others are hidden, so roles inside are unique. */
const shown = (page: Page) => gallery(page).getByRole('tabpanel');
const replica = (page: Page, name: string) => shown(page).getByRole('group', { name: `Replica ${name}` });
const status = (page: Page) => shown(page).getByRole('status');

async function click(page: Page, name: string) {
  await shown(page).getByRole('button', { name, exact: true }).click();
}

test.describe('conflicts lab: CRDT gallery', () => {
  test('OR-Set: an add concurrent with a remove at another replica survives the sync', async ({ page }) => {
    await open(page, '&crdt=or-set');
    await click(page, 'Add at A');
    await click(page, 'Send A → B');
    await expect(replica(page, 'B')).toContainText('Reads {TV}');
    await click(page, 'Remove at B');
    await expect(replica(page, 'B')).toContainText('Reads {}');
    await expect(status(page)).toContainText('deleted the tag it had seen (A1)');
    await click(page, 'Add at A'); // A has not heard of the remove: a new tag, A2
    await click(page, 'Sync everyone');
    await expect(status(page)).toContainText('All three replicas agree: {TV}.');
    for (const r of ['A', 'B', 'C']) {
      await expect(replica(page, r)).toContainText('Reads {TV}');
      await expect(replica(page, r)).toContainText(/Tombstones \(removed tags\)\s*A1/);
    }
  });

  test('2P-Set: an item removed and added again stays gone, everywhere', async ({ page }) => {
    await open(page, '&crdt=2p-set');
    await click(page, 'Add at A');
    await click(page, 'Remove at A');
    await click(page, 'Add at A');
    await expect(status(page)).toContainText('a removed item never comes back');
    await expect(replica(page, 'A')).toContainText('Reads {}');
    await click(page, 'Add at B'); // B never heard of the remove, so for now B has it
    await expect(replica(page, 'B')).toContainText('Reads {TV}');
    await click(page, 'Sync everyone');
    await expect(status(page)).toContainText('All three replicas agree: {}.');
    await expect(replica(page, 'B')).toContainText(/Removed \(tombstones\)\s*TV/);
  });

  test('G-Counter: increments at several replicas add up after a sync', async ({ page }) => {
    await open(page);
    await expect(gallery(page).getByRole('tab', { name: 'G-Counter' })).toHaveAttribute('aria-selected', 'true');
    await click(page, 'Increment at A');
    await click(page, 'Increment at A');
    await click(page, 'Increment at B');
    await click(page, 'Increment at C');
    await expect(status(page)).toContainText('The replicas differ: A reads 2, B reads 1, C reads 1.');
    await click(page, 'Sync everyone');
    await expect(status(page)).toContainText('All three replicas agree: 4.');
    const row = replica(page, 'C').getByRole('row', { name: /Count/ });
    await expect(row).toHaveText(/Count\s*2\s*1\s*1/);
  });

  test('LWW-Register: with A’s clock 10 s fast, A’s older write beats B’s later one', async ({ page }) => {
    await open(page, '&crdt=lww-register');
    await replica(page, 'A').getByRole('combobox', { name: 'Clock offset at A' }).selectOption({ label: '10 s fast' });
    await expect(replica(page, 'A')).toContainText('Clock reads 10 s');
    await click(page, 'Write at A'); // red, at true time 0 s, stamped 10 s
    // Half a second of true time passes: the gallery's timeline moves the playhead on.
    await shown(page).getByRole('slider', { name: 'Timeline of the LWW-Register' }).fill('500');
    await expect(replica(page, 'B')).toContainText('Clock reads 0.5 s');
    await click(page, 'Write at B'); // blue, at true time 0.5 s, stamped 0.5 s
    await click(page, 'Send A → B');
    await expect(status(page)).toContainText("B compared stamps: it keeps red (10 s by A's clock) and silently drops blue (0.5 s by B's clock).");
    await click(page, 'Sync everyone');
    await expect(status(page)).toContainText('All three replicas agree: red.');
  });

  test('LWW-Register: two writes at the same paused instant tie, and the later letter wins', async ({ page }) => {
    await open(page, '&crdt=lww-register');
    await click(page, 'Write at A'); // red, stamped 0 s
    await click(page, 'Write at B'); // blue, stamped 0 s: the clock has not moved
    await click(page, 'Send A → B');
    await expect(status(page)).toContainText("B compared stamps: it keeps blue (0 s by B's clock) and silently drops red (0 s by A's clock). The stamps are equal, so replica name breaks the tie");
  });

  test('the gallery’s clock: paused, a message stays on its way; Step lands it; the timeline goes back to before it', async ({ page }) => {
    await open(page, '&crdt=g-counter');
    const bar = shown(page).getByRole('toolbar', { name: 'Playback of the G-Counter' });
    await click(page, 'Increment at A');
    // Pause on purpose: from now on a send waits for Play or Step.
    await bar.getByRole('button', { name: 'Play' }).click();
    await bar.getByRole('button', { name: 'Pause' }).click();
    await click(page, 'Send A → B');
    await expect(status(page)).toContainText('The replicas differ: A reads 1, B reads 0, C reads 0. One message is still on the way.');
    await expect(status(page)).toContainText('The clock is paused, so messages on their way wait where they are');
    await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(replica(page, 'B')).toContainText('Reads 0');

    await bar.getByRole('button', { name: 'Step' }).click();
    await expect(replica(page, 'B')).toContainText('Reads 1');
    await expect(status(page)).toContainText("B merged A's state and now reads 1.");
    await expect(bar.getByRole('button', { name: 'Step' })).toBeDisabled();

    // Back to the start: the replicas as they were before anything happened.
    await shown(page).getByRole('slider', { name: 'Timeline of the G-Counter' }).fill('0');
    await expect(replica(page, 'B')).toContainText('Reads 0');
    await expect(replica(page, 'A')).toContainText('Reads 1');
  });

  test('MV-Register: concurrent writes are siblings; a write whose client read them replaces them, a blind write joins them', async ({ page }) => {
    await open(page, '&crdt=mv-register');
    await click(page, 'Write at A'); // red
    await click(page, 'Write at B'); // blue
    await click(page, 'Send A → B');
    await expect(replica(page, 'B')).toContainText('Reads red | blue');
    await expect(replica(page, 'B')).toContainText(/2 siblings\s*red \{A:1\}\s*blue \{B:1\}/);
    // B's client has seen only its own write: that is all a Write would send.
    await expect(replica(page, 'B')).toContainText(/Its client has seen\s*\{B:1\}/);
    await click(page, 'Read at B');
    await expect(status(page)).toContainText('The client at B read red and blue and has now seen {A:1, B:1}.');
    await expect(replica(page, 'B')).toContainText(/Its client has seen\s*\{A:1, B:1\}/);
    await expect(replica(page, 'B').getByRole('textbox', { name: 'Value at B' })).toHaveValue('purple');
    await click(page, 'Write at B');
    await expect(status(page)).toContainText('The client at B wrote purple, sending the context {A:1, B:1}');
    await expect(status(page)).toContainText('It replaces red and blue: the client had seen them.');
    await expect(replica(page, 'B')).toContainText('Reads purple');
    await expect(replica(page, 'B')).toContainText(/Version\s*purple \{A:1, B:2\}/);

    // A blind write sends no context: its value joins the one there as a sibling, with a loose dot.
    await expect(replica(page, 'B').getByRole('textbox', { name: 'Value at B' })).toHaveValue('teal');
    await click(page, 'Write blind at B');
    await expect(status(page)).toContainText('The client at B wrote teal blind, sending no context. The new version is {} + B:3.');
    await expect(status(page)).toContainText('It leaves purple beside it as a sibling: a write with no context replaces nothing.');
    await expect(replica(page, 'B')).toContainText('Reads purple | teal');
    await expect(replica(page, 'B')).toContainText(/2 siblings\s*purple \{A:1, B:2\}\s*teal \{\} \+ B:3/);
    await click(page, 'Sync everyone');
    await expect(status(page)).toContainText('All three replicas agree: purple | teal.');

    // The notation is explained where it appears.
    const key = shown(page).getByText('How to read a version such as {A:2} + F:4');
    await key.click();
    await expect(shown(page).getByText(/\{A:2\} \+ F:4 includes A’s first two writes and F’s fourth, but not F’s first three/)).toBeVisible();
  });

  test('MV-Register from the keyboard: read, write and write blind at C', async ({ page }) => {
    await open(page, '&crdt=mv-register');
    const c = replica(page, 'C');
    await c.getByRole('button', { name: 'Read at C' }).focus();
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText('The client at C read C and found nothing yet.');
    await page.keyboard.press('Tab');
    await expect(c.getByRole('textbox', { name: 'Value at C' })).toBeFocused();
    await page.keyboard.press('Enter'); // submits: a write that sends the client's context
    await expect(status(page)).toContainText('The client at C wrote green, sending the context {}');
    await expect(c.getByRole('textbox', { name: 'Value at C' })).toHaveValue('olive');
    await c.getByRole('button', { name: 'Write blind at C' }).focus();
    await page.keyboard.press('Enter');
    await expect(c).toContainText('Reads green | olive');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // Write at C: its client has seen both of its writes
    await expect(c).toContainText('Reads gold');
  });

  test('?crdt= opens a type; an unknown one says so and shows the G-Counter; arrow keys move between tabs', async ({ page }) => {
    await open(page, '&crdt=or-set');
    await expect(gallery(page).getByRole('tab', { name: 'OR-Set' })).toHaveAttribute('aria-selected', 'true');
    await expect(gallery(page).getByRole('alert')).toHaveCount(0);

    await open(page, '&crdt=b-tree');
    // Every bad value in the address is told in the lab's one notice bar, above the cart.
    await expect(page.getByRole('alert')).toContainText('There is no "b-tree" in the gallery, so it shows the G-Counter.');
    const tab = gallery(page).getByRole('tab', { name: 'G-Counter' });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(gallery(page).getByRole('tab', { name: 'PN-Counter' })).toBeFocused();
    await expect(gallery(page).getByRole('tab', { name: 'PN-Counter' })).toHaveAttribute('aria-selected', 'true');
    await expect(shown(page).getByRole('button', { name: 'Decrement at A' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(gallery(page).getByRole('tab', { name: 'MV-Register' })).toHaveAttribute('aria-selected', 'true');
  });

  test('a held message can be dropped, and the replicas then still differ', async ({ page }) => {
    await open(page, '&crdt=g-set');
    await shown(page).getByRole('checkbox', { name: 'Hold messages until I deliver them' }).check();
    await click(page, 'Add at A');
    await click(page, 'Send A → C');
    await expect(status(page)).toContainText('One message is still on the way.');
    await click(page, 'Drop message 1');
    await expect(status(page)).toContainText('The replicas differ: A reads {TV}, B reads {}, C reads {}.');
    await click(page, 'Send A → C');
    await click(page, 'Deliver message 2');
    await expect(replica(page, 'C')).toContainText('Reads {TV}');
  });

  test('with reduced motion, a send still merges', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, '&crdt=pn-counter');
    await click(page, 'Increment at A');
    await click(page, 'Decrement at A');
    await click(page, 'Increment at A');
    await click(page, 'Send A → B');
    await expect(replica(page, 'B')).toContainText('Reads 1', { timeout: 1000 });
    await expect(replica(page, 'B').getByRole('row', { name: /N \(downs\)/ })).toHaveText(/N \(downs\)\s*1\s*0\s*0/);
  });
});

test.describe('conflicts lab: gallery for everyone', () => {
  test('pass an axe scan, light and dark, with state on show', async ({ page }) => {
    await open(page, '&crdt=or-set');
    await shown(page).getByRole('checkbox', { name: 'Hold messages until I deliver them' }).check();
    await click(page, 'Add at A');
    await click(page, 'Send A → B');
    await expect(shown(page).getByRole('button', { name: 'Drop message 1' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('.crdt-gallery').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    }

    // The MV-Register with siblings, a read, a blind write and the notation key open.
    await gallery(page).getByRole('tab', { name: 'MV-Register' }).click();
    await shown(page).getByRole('checkbox', { name: 'Hold messages until I deliver them' }).check();
    await click(page, 'Write at A');
    await click(page, 'Write at B');
    await click(page, 'Send A → B');
    await click(page, 'Deliver message 1');
    await click(page, 'Read at B');
    await click(page, 'Write blind at B');
    await expect(replica(page, 'B')).toContainText('Reads red | blue | purple');
    await shown(page).getByText('How to read a version such as {A:2} + F:4').click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('.crdt-gallery').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    }
  });

  test('fit a 360 px screen without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, '&crdt=mv-register');
    await click(page, 'Write at A');
    await click(page, 'Write at B');
    await click(page, 'Write blind at C');
    await click(page, 'Read at C');
    await shown(page).getByText('How to read a version such as {A:2} + F:4').click();
    await click(page, 'Sync everyone');
    await expect(status(page)).toContainText('All three replicas agree: red | blue | green.');
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    const box = await replica(page, 'C').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  });
});
