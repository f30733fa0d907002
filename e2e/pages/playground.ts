import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The replica playground, as a learner finds it: by roles and accessible names. */
export class Playground {
  readonly cluster: Locator;
  readonly timeline: Locator;
  readonly clock: Locator;
  readonly status: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.cluster = page.getByRole('group', { name: /^Cluster at/ });
    this.timeline = page.getByRole('slider', { name: 'Timeline' });
    this.clock = page.getByRole('timer', { name: 'Simulated time' });
    this.status = page.locator('.status-line');
    this.table = page.getByRole('table');
  }

  async open(query = '?lab=playground') {
    await this.page.goto(`./${query}`);
    await expect(this.page.getByRole('heading', { name: 'Replica playground' })).toBeVisible();
  }

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  replica(id: string) {
    return this.cluster.getByRole('button', { name: new RegExp(`^Replica ${id}\\b`) });
  }

  /** Issue an operation through the form; the lab starts playing so it can be watched. */
  async write(value: string, opts: { key?: string; through?: string; client?: string } = {}) {
    await this.fillOp(opts);
    await this.page.getByLabel('Value').fill(value);
    // The form's button, "Write x=1" (a lesson's step may also start with "Write").
    await this.button(/^Write [^\s,]+=/).click();
    // Issuing an operation starts playback, so it can be watched.
    await expect(this.button('Pause')).toBeVisible();
  }

  async read(opts: { key?: string; through?: string; client?: string } = {}) {
    await this.fillOp(opts);
    await this.button(/^Read [^\s]+$/).click();
    await expect(this.button('Pause')).toBeVisible();
  }

  private async fillOp({ key, through, client }: { key?: string; through?: string; client?: string }) {
    const form = this.page.getByRole('form', { name: 'Write or read' });
    if (client) await form.getByLabel('Client').selectOption(client);
    if (through) await form.getByLabel('Through').selectOption(through);
    if (key) await form.getByLabel('Key').fill(key);
  }

  async pause() {
    const pause = this.button('Pause');
    if (await pause.isVisible()) await pause.click();
  }

  /** Move the playhead (pauses playback), as dragging the timeline does. */
  async seek(ms: number) {
    // Once on CI a seek made just as the playback machine's chunk arrived did not move the
    // clock (not reproduced in 21 runs here; the closing note of 2026-11-30 asks for the
    // cause): the page object tries the drag again, as a learner would.
    await expect(async () => {
      await this.timeline.fill(String(ms));
      await expect(this.clock).toHaveText(`t = ${(ms / 1000).toFixed(2)} s`, { timeout: 3000 });
    }).toPass({ timeout: 15_000 });
    // Panels refresh a few times a second; the table says which moment it shows.
    await expect(this.page.getByRole('region', { name: 'Replica state as a table' })).toContainText(`At t = ${(ms / 1000).toFixed(2)} s`);
  }

  /** The table row of a replica, as text. */
  async rowText(id: string) {
    return (await this.table.getByRole('row', { name: new RegExp(`^${id}\\b`) }).innerText()).replace(/\s+/g, ' ');
  }

  /**
   * The lab's central story, up to the stale state: x=1 everywhere, then C and c2 cut off,
   * then x=2 written through A. Leaves the playhead paused at 2 s.
   */
  async partitionedWrite() {
    await this.write('1');
    await this.pause();
    await this.seek(1000);
    await this.splitOff(['C', 'c2']);
    await this.write('2', { through: 'A', client: 'c1' });
    await this.pause();
    await this.seek(2000);
  }

  /** Cut the ticked nodes off from the rest, as the Partition form does. */
  async splitOff(nodes: string[]) {
    const panel = this.page.getByRole('region', { name: 'Network faults' });
    for (const n of nodes) await panel.getByRole('checkbox', { name: n, exact: true }).check();
    await panel.getByRole('button', { name: 'Split off the ticked nodes' }).click();
  }

  async cutLink(from: string, to: string, how: 'both' | 'one-way' = 'both') {
    const panel = this.page.getByRole('region', { name: 'Network faults' });
    await panel.getByLabel('From', { exact: true }).selectOption(from);
    await panel.getByLabel('To', { exact: true }).selectOption(to);
    await panel.getByLabel('one way only').setChecked(how === 'one-way');
    await panel.getByRole('button', { name: new RegExp(`^Cut ${from}`) }).click();
  }

  async expectNoAxeViolations() {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}
