import { expect, test, type Frame, type Page } from '@playwright/test';
import { CROSS_ORIGIN, hostOf, hostPage } from './pages/docsHost.ts';

/**
 * The host API (issue 16): a docs page on another origin commands an embedded lab and
 * hears from it. Only the frame's parent is heard, and only from the origins `host=`
 * lists; anything malformed gets an error event and breaks nothing; a quiz answer reaches
 * the host as an xAPI-shaped statement.
 */

test.use(CROSS_ORIGIN);

/** What the docs page keeps and can do: every message from the lab frame, and a way to send it one. */
const HOST_SCRIPT = `<script>
  window.received = [];
  addEventListener('message', (e) => { if (e.source === document.querySelector('iframe').contentWindow) received.push(e.data); });
  window.send = (m) => document.querySelector('iframe').contentWindow.postMessage(m, '*');
</script>`;

/** A second frame of the same page: a window that is not the lab's parent. */
const STRANGER = `<iframe title="Another widget" srcdoc="<script>window.sendToLab = (m) => parent.frames[0].postMessage(m, '*');</script>"></iframe>`;

type Message = { type: string; [key: string]: unknown };
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Message[] }).received);
const send = (page: Page, message: unknown) => page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
const ofType = async (page: Page, type: string) => (await received(page)).filter((m) => m.type === type);

/** Count the lab frame's uncaught errors, in every frame of every page (an init script runs in each). */
async function watchErrors(page: Page) {
  await page.addInitScript(() => {
    const errors: string[] = [];
    (window as unknown as { labErrors: string[] }).labErrors = errors;
    addEventListener('error', (e) => void errors.push(String(e.message)));
    addEventListener('unhandledrejection', (e) => void errors.push(String(e.reason)));
  });
}
const labFrame = (page: Page): Frame => page.frames().find((f) => f.url().includes('embed=1'))!;

test.describe('the host API of an embedded lab', () => {
  test('the parent plays, pauses, seeks, steps, resets and loads, and hears each done, the run changing and the lab ready', async ({ page }) => {
    const lab = await hostPage(page, 'quorum', { width: 1000, extra: HOST_SCRIPT });
    await expect.poll(() => ofType(page, 'ec-lab:ready')).toHaveLength(1);
    const [ready] = await ofType(page, 'ec-lab:ready');
    expect(ready).toMatchObject({ version: 1, lab: 'quorum', commands: ['play', 'pause', 'step', 'reset', 'seek', 'load', 'hello'] });
    expect(ready!.presets).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'read-repair' })]));
    expect(new URL(ready!.link as string).searchParams.get('lab')).toBe('quorum');

    await send(page, { type: 'ec-lab:load', version: 1, preset: 'read-repair', id: 'demo' });
    await expect(lab.getByRole('status').filter({ hasText: /Read repair/i }).first()).toBeVisible();
    await send(page, { type: 'ec-lab:play', version: 1, id: 1 });
    const playback = lab.getByRole('toolbar', { name: 'Playback' });
    await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();
    await send(page, { type: 'ec-lab:pause', version: 1, id: 2 });
    await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
    await send(page, { type: 'ec-lab:seek', version: 1, time: 1250, id: 3 });
    await expect(lab.getByRole('timer', { name: 'Simulated time' })).toHaveText('t = 1.25 s');
    await send(page, { type: 'ec-lab:reset', version: 1, id: 4 });
    await expect(lab.getByRole('timer', { name: 'Simulated time' })).toHaveText('t = 0.00 s');
    await expect.poll(async () => (await ofType(page, 'ec-lab:done')).map((m) => m.id)).toEqual(['demo', 1, 2, 3, 4]);

    // A link to another lab loads in place; the lab says it is ready again, and tells each new share link.
    await send(page, { type: 'ec-lab:load', version: 1, link: '?lab=playground' });
    await expect(lab.getByRole('heading', { name: 'Replica playground' })).toBeVisible();
    await expect.poll(async () => (await ofType(page, 'ec-lab:ready')).map((m) => m.lab)).toEqual(['quorum', 'playground']);
    await lab.getByRole('button', { name: 'Write x=1' }).click();
    await expect
      .poll(async () => (await ofType(page, 'ec-lab:run-changed')).some((m) => m.lab === 'playground' && new URL(m.link as string).searchParams.has('run')))
      .toBe(true);
    const changed = (await ofType(page, 'ec-lab:run-changed')).at(-1)!;
    expect(new URL(changed.link as string).searchParams.has('embed')).toBe(false);
    expect(await ofType(page, 'ec-lab:error')).toEqual([]);
  });

  test('another window of the page is not heard, nor a parent on an origin host= does not list', async ({ page }) => {
    const lab = await hostPage(page, 'quorum', { width: 1000, extra: HOST_SCRIPT + STRANGER });
    await expect.poll(() => ofType(page, 'ec-lab:ready')).toHaveLength(1);
    const stranger = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await stranger.evaluate(() => (window as unknown as { sendToLab: (m: unknown) => void }).sendToLab({ type: 'ec-lab:play', version: 1 }));
    await stranger.evaluate(() => (window as unknown as { sendToLab: (m: unknown) => void }).sendToLab('garbage'));
    await page.waitForTimeout(500);
    await expect(lab.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Play' })).toBeVisible();
    expect((await received(page)).filter((m) => m.type !== 'ec-lab:resized' && m.type !== 'ec-lab:ready')).toEqual([]);

    const listed = await hostPage(page, 'quorum&host=https://elsewhere.example', { width: 1000, extra: HOST_SCRIPT });
    await expect(listed.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
    await send(page, { type: 'ec-lab:play', version: 1 });
    await page.waitForTimeout(500);
    await expect(listed.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Play' })).toBeVisible();
    // Nothing at all reaches a page host= does not list, not even the height.
    expect(await received(page)).toEqual([]);

    // The same page, listed, is heard: the silence above was the list's doing, not a lab that was not listening.
    const origin = new URL(hostOf()).origin;
    const heard = await hostPage(page, `quorum&host=${origin}`, { width: 1000, extra: HOST_SCRIPT });
    await expect.poll(() => ofType(page, 'ec-lab:ready')).toHaveLength(1);
    await send(page, { type: 'ec-lab:play', version: 1 });
    await expect(heard.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('1,000 malformed or hostile messages get 1,000 error events, nothing is thrown, and the lab still works', async ({ page }) => {
    await watchErrors(page);
    const lab = await hostPage(page, 'quorum', { width: 1000, extra: HOST_SCRIPT });
    await expect.poll(() => ofType(page, 'ec-lab:ready')).toHaveLength(1);
    await page.evaluate(() => {
      const send = (window as unknown as { send: (m: unknown) => void }).send;
      const nasty: unknown[] = [
        null,
        42,
        'ec-lab:play',
        [],
        { type: 'ec-lab:play' },
        { type: 'ec-lab:play', version: '1' },
        { type: 'ec-lab:seek', version: 1, time: Number.NaN },
        { type: 'ec-lab:seek', version: 1, time: 1e300 },
        { type: 'ec-lab:load', version: 1, link: 'javascript:alert(1)' },
        { type: 'ec-lab:load', version: 1, link: 'https://evil.example/?lab=quorum' },
        { type: 'ec-lab:load', version: 1, preset: '../../etc' },
        { type: 'ec-lab:load', version: 1, preset: 'no-such-demo' },
        { type: 'ec-lab:__proto__', version: 1 },
        { type: 'ec-lab:play', version: 1, __proto__: { polluted: true }, constructor: 'x' },
        { type: '<img src=x onerror=alert(1)>', version: 1 },
        { type: 'ec-lab:play', version: 1, id: { toString: 'boom' } },
        { type: 'ec-lab:load', version: 1, link: 'x'.repeat(200_000) },
        new Date(0),
        new Map([[1, 2]]),
        new ArrayBuffer(8),
      ];
      for (let i = 0; i < 1000; i++) send(nasty[i % nasty.length]);
    });
    await expect.poll(async () => (await ofType(page, 'ec-lab:error')).length, { timeout: 15_000 }).toBe(1000);
    const errors = await ofType(page, 'ec-lab:error');
    expect(errors.every((e) => typeof e.error === 'string' && (e.error as string).length < 400)).toBe(true);
    expect(await labFrame(page).evaluate(() => (window as unknown as { labErrors: string[] }).labErrors)).toEqual([]);
    await expect(lab.getByRole('heading', { name: 'Quorum lab' })).toBeVisible();
    await send(page, { type: 'ec-lab:play', version: 1, id: 'after' });
    await expect(lab.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(async () => (await ofType(page, 'ec-lab:done')).map((m) => m.id)).toEqual(['after']);
  });

  test('answering a quiz item sends the host an xAPI-shaped statement, with no actor', async ({ page }) => {
    const quiz = await hostPage(page, 'quiz', { width: 1000, extra: HOST_SCRIPT });
    const q = quiz.getByRole('region', { name: /^Question 1/ });
    await q.getByRole('group', { name: 'The read through C during the cut returns…' }).getByRole('radio', { name: 'x = 1, the value before it' }).check();
    await q.getByRole('group', { name: 'The read through C after the heal returns…' }).getByRole('radio', { name: 'x = 2, the latest write' }).check();
    await q.getByRole('radio', { name: 'Once writes stop and faults heal, every replica ends up with the same value' }).check();
    await q.getByRole('button', { name: 'Check my answers' }).click();
    await expect.poll(() => ofType(page, 'ec-lab:statement')).toHaveLength(1);
    const { statement } = (await ofType(page, 'ec-lab:statement'))[0] as unknown as { statement: Record<string, unknown> };
    expect(statement).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
      object: { objectType: 'Activity', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction' } },
      result: { success: true, score: { scaled: 1 }, extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 100 } },
    });
    expect(statement).not.toHaveProperty('actor');
    expect(new URL((statement.object as { id: string }).id).searchParams.get('lab')).toBe('quiz');
  });
});
