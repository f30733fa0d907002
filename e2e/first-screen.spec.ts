import { expect, test, type Locator, type Page } from '@playwright/test';
import { Playground } from './pages/playground.ts';
import { encodeRun } from '../src/embed/urlCodec.ts';
import { makeScenario } from '../src/sim/scenario.ts';

/**
 * The first minute (issue 15): on a laptop (1366 × 768) and a projector (1920 × 1080) each
 * lab shows its picture, the controls that act on it, the timeline and what just happened
 * without scrolling; in a phone-sized frame (360 × 600) the picture comes first. Measured
 * with bounding boxes, not screenshots.
 */

interface LabFirstScreen {
  readonly query: string;
  /** The control a learner uses first. */
  readonly control: (page: Page) => Locator;
  /** Where the lab says what just happened. */
  readonly told: (page: Page) => Locator;
}

const LABS: Record<string, LabFirstScreen> = {
  playground: {
    query: '?lab=playground',
    control: (page) => page.getByRole('button', { name: 'Write x=1' }),
    told: (page) => page.getByRole('heading', { name: 'What just happened' }),
  },
  quorum: {
    query: '?lab=quorum',
    control: (page) => page.getByRole('button', { name: /^Run a workload/ }),
    told: (page) => page.getByRole('heading', { name: 'Measured so far' }),
  },
  conflicts: {
    query: '?lab=conflicts',
    control: (page) => page.getByRole('button', { name: 'Two devices, moments apart' }),
    told: (page) => page.getByRole('region', { name: 'The cart, three ways' }).getByRole('heading', { name: 'What just happened' }),
  },
  sessions: {
    query: '?lab=sessions',
    control: (page) => page.getByRole('radio', { name: 'Sticky sessions' }),
    told: (page) => page.getByRole('heading', { name: 'Where is my update?' }),
  },
};

const picture = (page: Page) => page.getByRole('group', { name: /^Cluster at/ }).first();
const play = (page: Page) => page.getByRole('button', { name: 'Play' }).first();
const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline', exact: true });

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test.describe(`the first screen at ${width} × ${height}`, () => {
    test.use({ viewport: { width, height } });
    for (const [name, lab] of Object.entries(LABS)) {
      test(`${name}: the picture, Play, the timeline, the first control and what just happened, all without scrolling`, async ({ page }) => {
        await page.goto(`./${lab.query}`);
        for (const [what, locator] of [
          ['the picture', picture(page)],
          ['Play', play(page)],
          ['the timeline', timeline(page)],
          ['the first control', lab.control(page)],
          ['what just happened', lab.told(page)],
        ] as const) {
          await expect(locator, what).toBeInViewport({ ratio: 1 });
        }
      });
    }
  });
}

test.describe('the first screen of a shared link at 1366 × 768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test('the notice a link brings pushes nothing off the first screen: the picture fits what is left', async ({ page }) => {
    const run = encodeRun({ scenario: makeScenario({ script: [{ at: 10, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }), time: 500 });
    await page.goto(`./?lab=playground&run=${run}`);
    await expect(page.getByRole('status').filter({ hasText: 'Replaying a shared run' })).toBeVisible();
    for (const locator of [picture(page), play(page), timeline(page)]) await expect(locator).toBeInViewport({ ratio: 1 });
  });
});

test.describe('the first screen in a 360 × 600 frame', () => {
  test.use({ viewport: { width: 360, height: 600 } });
  for (const [name, lab] of Object.entries(LABS)) {
    test(`${name}: the picture comes first, before the controls`, async ({ page }) => {
      await page.goto(`./${lab.query}`);
      const pic = (await picture(page).boundingBox())!;
      // At least half the picture on the first screen (all of it, where the lab has little above it).
      expect(pic.y + pic.height / 2).toBeLessThan(600);
      if (name !== 'conflicts') await expect(picture(page)).toBeInViewport({ ratio: 1 });
      for (const control of [play(page), lab.control(page)]) expect((await control.boundingBox())!.y).toBeGreaterThan(pic.y);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }
});

test.describe('keyboard order', () => {
  test('the write form comes before the picture, the first of the lab’s tab stops', async ({ page }) => {
    await page.goto('./?lab=playground');
    await page.locator('body').focus();
    let presses = 0;
    const client = page.getByRole('combobox', { name: 'Client' });
    while (!(await client.evaluate((el) => el === document.activeElement)) && presses < 40) {
      await page.keyboard.press('Tab');
      presses++;
    }
    // The skip link, the site's eight links and its two tools (Embed this, Presenter mode) come first, then the lab's own controls.
    expect(presses).toBeLessThanOrEqual(13);
  });
});

/**
 * Every label the picture draws beside a node (write stamps, "behind" badges, a lab's
 * notes, W and R ring labels, stale badges) against the visible part of every link: the
 * stretches of line outside the nodes' circles and the clients' boxes. Sampled along each
 * line a pixel at a time, in screen coordinates.
 */
async function labelsCrossingLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.cluster-view') as SVGSVGElement;
    const ctm = svg.getScreenCTM()!;
    const toScreen = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(ctm);
    const circles = [...svg.querySelectorAll('.replica circle.body')].map((c) => {
      const p = toScreen(Number(c.getAttribute('cx')), Number(c.getAttribute('cy')));
      return { x: p.x, y: p.y, r: Number(c.getAttribute('r')) * ctm.a };
    });
    const boxes = [...svg.querySelectorAll('.client > rect')].map((r) => r.getBoundingClientRect());
    const labels = [...svg.querySelectorAll('.stamp, .badge, .replica-note, .ring-label, .hint-badge, .stale-badge')]
      .filter((el) => (el.textContent ?? '').trim() !== '')
      .map((el) => ({ text: (el.textContent ?? '').trim(), box: el.getBoundingClientRect() }));
    const found = new Set<string>();
    for (const line of svg.querySelectorAll('.link line.wire')) {
      const a = toScreen(Number(line.getAttribute('x1')), Number(line.getAttribute('y1')));
      const b = toScreen(Number(line.getAttribute('x2')), Number(line.getAttribute('y2')));
      const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y));
      for (let i = 0; i <= steps; i++) {
        const x = a.x + ((b.x - a.x) * i) / steps;
        const y = a.y + ((b.y - a.y) * i) / steps;
        if (circles.some((c) => Math.hypot(x - c.x, y - c.y) <= c.r + 1)) continue;
        if (boxes.some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1)) continue;
        for (const l of labels) {
          if (x > l.box.left + 1 && x < l.box.right - 1 && y > l.box.top + 1 && y < l.box.bottom - 1) found.add(`“${l.text}” × ${line.parentElement?.getAttribute('aria-label')}`);
        }
      }
    }
    return [...found];
  });
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test.describe(`no label crosses a line at ${width} × ${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the playground: write stamps and a stale read’s badge', async ({ page }) => {
      const lab = new Playground(page);
      await lab.open();
      await lab.write('1');
      await lab.pause();
      await lab.seek(3000);
      await expect(lab.cluster.locator('.stamp')).toHaveCount(3);
      expect(await labelsCrossingLines(page)).toEqual([]);
    });

    test('the quorum lab: W and R ring labels beside the stamps', async ({ page }) => {
      await page.goto('./?lab=quorum');
      await page.getByRole('button', { name: 'Write x=1' }).click();
      await page.getByRole('button', { name: 'Read x' }).click();
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Step' }).click();
      const slider = timeline(page);
      await slider.focus();
      for (let i = 0; i < 20; i++) await slider.press('PageUp');
      await expect(page.locator('.ring-label').first()).toBeVisible();
      expect(await labelsCrossingLines(page)).toEqual([]);
    });

    test('the sessions lab: stamps and what a replica holds back', async ({ page }) => {
      await page.goto('./?lab=sessions&story=comment&fix=deps');
      const slider = timeline(page);
      await slider.focus();
      for (let i = 0; i < 30; i++) await slider.press('PageUp');
      await expect(page.locator('.stamp').first()).toBeVisible();
      expect(await labelsCrossingLines(page)).toEqual([]);
    });
  });
}

test.describe('acting at t = 0 keeps the story', () => {
  const actions = (page: Page) => page.locator('.scrubber-legend').first();
  const count = async (page: Page) => Number(/(\d+) action/.exec((await actions(page).textContent()) ?? '')![1]);

  test('the conflicts lab: a change from the phone at t = 0 is added beside the story’s five', async ({ page }) => {
    await page.goto('./?lab=conflicts');
    const cart = page.getByRole('region', { name: 'The cart, three ways' });
    await expect(cart.getByText('5 actions in this run')).toBeVisible();
    await cart.getByRole('button', { name: 'Add to the cart from the phone' }).click();
    await expect(cart.getByText('6 actions in this run')).toBeVisible();
    await expect(cart.getByRole('button', { name: 'Two devices, moments apart' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'forked' })).toHaveCount(0);
  });

  test('the quorum lab: crashing a replica at t = 0 keeps a demo’s run', async ({ page }) => {
    await page.goto('./?lab=quorum');
    await page.getByRole('button', { name: 'Show read repair bringing a replica up to date' }).click();
    const before = await count(page);
    expect(before).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Crash a replica' }).click();
    await expect.poll(() => count(page)).toBe(before + 1);
  });

  test('the consistency lab: a write at t = 0 keeps a loaded story', async ({ page }) => {
    await page.goto('./?lab=consistency');
    await page.getByRole('button', { name: /^Load the story/ }).first().click();
    const before = await count(page);
    expect(before).toBeGreaterThan(1);
    await page.getByRole('button', { name: /^Write x=/ }).click();
    await expect.poll(() => count(page)).toBe(before + 1);
  });
});
