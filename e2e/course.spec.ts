import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Playground } from './pages/playground.ts';

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const lesson = (page: Page) => page.getByRole('region', { name: /^A stale read, then agreement/ });
const question = (page: Page) => page.getByRole('region', { name: /^(Question|Exercise, part) \d:/ });

/** Pass a lesson step: its goal is met at the playhead, then Next. */
async function reachAndGoOn(page: Page, next = 'Next step') {
  await expect(lesson(page).getByRole('status')).toHaveText(/^✓ Done\./, { timeout: 10_000 });
  await lesson(page).getByRole('button', { name: next }).click();
}

test.describe('the course path', () => {
  test('a learner starts on the path, takes a lesson whose steps are checked against the run, and the path counts it', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Eventual consistency, hands on', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Part 1: What eventual consistency is' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Part 5: Data types that cannot conflict' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /^Tell an anomaly that is only convergence delay/ })).toContainText('the lessons “A stale read, then agreement”, “The write that came first wins” and “Seeing your own write”');
    await noAxeViolations(page);

    await page.getByRole('link', { name: 'Lesson: A stale read, then agreement' }).click();
    const lab = new Playground(page);
    await expect(lesson(page).getByRole('heading', { name: 'A stale read, then agreement: step 1 of 5, Write, and watch it spread' })).toBeVisible();
    // Nothing done yet: the goal is not met, and Next would still go on (the learner decides).
    await expect(lesson(page).getByRole('status')).toHaveText('Not yet: the lab checks your run as it plays.');

    await lab.write('1');
    await lab.pause();
    await lab.seek(1000);
    await reachAndGoOn(page);
    await expect(page).toHaveURL(/lesson=stale-read&step=2/);

    await lab.splitOff(['C', 'c2']);
    await reachAndGoOn(page);

    await lab.write('2', { through: 'A', client: 'c1' });
    await lab.pause();
    await lab.seek(2000);
    await reachAndGoOn(page);

    // A read through B is not stale: the goal stays unmet until the read goes through C.
    await lab.read({ through: 'B', client: 'c1' });
    await lab.pause();
    await lab.seek(2300);
    await expect(lesson(page).getByRole('status')).toHaveText('Not yet: the lab checks your run as it plays.');
    await lab.read({ through: 'C', client: 'c2' });
    await lab.pause();
    await lab.seek(2700);
    await reachAndGoOn(page);

    await page.getByRole('button', { name: 'Heal everything' }).click();
    await lab.pause();
    await lab.seek(12_000);
    await noAxeViolations(page);
    await reachAndGoOn(page, 'Finish the lesson');
    await expect(lesson(page).getByRole('heading', { name: 'A stale read, then agreement: done' })).toBeVisible();
    await expect(lesson(page).getByRole('status')).toHaveText('You reached 5 of 5 steps.');
    // Every step has a link: going back to one from the list opens it, marked reached.
    await lesson(page).getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('button', { name: /^Cut C off/ }).click();
    await expect(page).toHaveURL(/lesson=stale-read&step=2/);
    await expect(lesson(page).getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('button', { name: 'Cut C off (reached)' })).toBeVisible();

    // The path counts it, and still does after a reload.
    await page.goto('./');
    await expect(page.getByText('Your progress: 1 of 5 lessons finished, 0 of 8 quiz questions answered right, 0 of 3 parts of the hands-on exercise done.')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /^Lesson: A stale read, then agreement/ })).toContainText('5 of 5 steps reached');
    await page.reload();
    await expect(page.getByText(/^Your progress: 1 of 5 lessons finished/)).toBeVisible();
  });

  test('a deep link opens a lesson at its step, and leaving it gives free play', async ({ page }) => {
    await page.goto('./?lab=playground&lesson=lww&step=3');
    const panel = page.getByRole('region', { name: /^The write that came first wins/ });
    await expect(panel.getByRole('heading', { name: 'The write that came first wins: step 3 of 4, Write again, later' })).toBeVisible();
    await panel.getByRole('button', { name: 'Leave the lesson (free play)' }).click();
    await expect(page).not.toHaveURL(/lesson=/);
    const back = page.getByRole('button', { name: 'Back to the lesson “The write that came first wins”' });
    await expect(back).toBeFocused();
    await back.click();
    await expect(page).toHaveURL(/lesson=lww&step=3/);
    // Focus comes back to the step, not to the top of the page.
    await expect(panel.getByRole('heading', { name: 'The write that came first wins: step 3 of 4, Write again, later' })).toBeFocused();
  });

  test('the quorum lesson: its first step is reached from the cluster settings, and the lone side’s read is refused', async ({ page }) => {
    await page.goto('./?lab=playground&lesson=quorum&step=1');
    const lab = new Playground(page);
    const panel = page.getByRole('region', { name: /^Quorums that overlap/ });
    await expect(panel.getByRole('status')).toHaveText('Not yet: the lab checks your run as it plays.');
    await page.getByLabel('W (acks a write waits for)').selectOption('2');
    await page.getByLabel('R (replies a read waits for)').selectOption('2');
    await expect(panel.getByRole('status')).toHaveText(/^✓ Done\. Now every read asks replicas enough/);
    await panel.getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('button', { name: /^The lone side cannot answer/ }).click();
    await lab.splitOff(['C', 'c2']);
    await lab.read({ through: 'C', client: 'c2' });
    await lab.pause();
    await lab.seek(2500);
    await expect(panel.getByRole('status')).toHaveText(/^✓ Done\. The read failed: C could not gather R = 2 answers\./);
  });

  test('the sessions lesson: the learner’s fixes, chosen in the sessions lab, are what each step checks', async ({ page }) => {
    await page.goto('./?lab=sessions&lesson=own-write&step=1');
    const panel = page.getByRole('region', { name: /^Seeing your own write/ });
    const timeline = page.getByRole('slider', { name: 'Timeline', exact: true });
    const done = () => expect(panel.getByRole('status')).toHaveText(/^✓ Done\./, { timeout: 10_000 });
    await expect(panel.getByRole('status')).toHaveText('Not yet: the lab checks your run as it plays.');
    await timeline.fill('2000');
    await done();
    await panel.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('radio', { name: 'Version-based reads' }).check();
    await done();
    await panel.getByRole('button', { name: 'Next step' }).click();
    await timeline.fill('3000');
    await done();
    await panel.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('radio', { name: 'Sticky sessions' }).check();
    await page.getByRole('checkbox', { name: /^Test it: A crashes/ }).check();
    await done();
    await panel.getByRole('button', { name: 'Next step' }).click();
    await timeline.fill('5000');
    await done();
    await panel.getByRole('button', { name: 'Finish the lesson' }).click();
    await expect(panel.getByRole('status')).toHaveText('You reached 5 of 5 steps.');
    await noAxeViolations(page);
  });

  test('the CRDT lesson over the gallery: merges delivered in the learner’s order, and one twice, are checked against the gallery', async ({ page }) => {
    await page.goto('./?lab=conflicts&crdt=g-counter&lesson=merge-order&step=1');
    const panel = page.getByRole('region', { name: /^One result in any order/ });
    const gallery = page.getByRole('tabpanel', { name: 'G-Counter' });
    const done = () => expect(panel.getByRole('status')).toHaveText(/^✓ Done\./, { timeout: 10_000 });
    const next = () => panel.getByRole('button', { name: /^(Next step|Finish the lesson)$/ }).click();
    for (const name of ['Increment at A', 'Increment at A', 'Increment at B']) await gallery.getByRole('button', { name, exact: true }).click();
    await done();
    await next();
    await gallery.getByRole('checkbox', { name: 'Hold messages until I deliver them' }).check();
    await gallery.getByRole('button', { name: 'Send A → C', exact: true }).click();
    await gallery.getByRole('button', { name: 'Send B → C', exact: true }).click();
    await done();
    await next();
    const inFlight = gallery.getByRole('list', { name: 'Messages in flight' });
    await inFlight.getByRole('listitem').filter({ hasText: 'B → C' }).getByRole('button', { name: /^Deliver/ }).click();
    await inFlight.getByRole('listitem').filter({ hasText: 'A → C' }).getByRole('button', { name: /^Deliver/ }).click();
    await done();
    await next();
    await gallery.getByRole('button', { name: 'Send B → C', exact: true }).click();
    await inFlight.getByRole('listitem').filter({ hasText: 'B → C' }).getByRole('button', { name: /^Deliver/ }).click();
    await done();
    await next();
    await gallery.getByRole('checkbox', { name: 'Hold messages until I deliver them' }).uncheck();
    await gallery.getByRole('button', { name: 'Sync everyone' }).click();
    await done();
    await next();
    await expect(panel.getByRole('status')).toHaveText('You reached 5 of 5 steps.');
    await noAxeViolations(page);
  });

  test('a lesson opened in another lab points to its own', async ({ page }) => {
    await page.goto('./?lab=sessions&lesson=lww&step=2');
    await expect(page.getByRole('link', { name: 'open it there' })).toHaveAttribute('href', '?lab=playground&lesson=lww&step=2');
  });

  test('a bad lesson in the address gets a sentence, and the playground carries on', async ({ page }) => {
    await page.goto('./?lab=playground&lesson=%3Cscript%3E');
    await expect(page.getByRole('alert')).toContainText('There is no lesson “<script>”; the playground is open for free play.');
    await expect(page.getByRole('heading', { name: 'Replica playground' })).toBeVisible();
  });
});

test.describe('the quiz', () => {
  test('the whole quiz: wrong and right answers, feedback, retry, show the answer, and a score that survives a reload', async ({ page }) => {
    await page.goto('./?lab=quiz');
    await expect(page.getByRole('heading', { name: 'The module’s quiz, answered by running it', level: 1 })).toBeVisible();
    const q = () => question(page);

    // Q1: predict both reads (the first wrongly), then what eventual consistency promises.
    await expect(q().getByRole('heading', { name: 'Question 1: What eventual consistency promises' })).toBeVisible();
    await q().getByRole('group', { name: 'The read through C during the cut returns…' }).getByRole('radio', { name: 'x = 2, the latest write' }).check();
    await q().getByRole('group', { name: 'The read through C after the heal returns…' }).getByRole('radio', { name: 'x = 2, the latest write' }).check();
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(page.getByRole('alert')).toHaveText('Answer every part first: each one is checked.');
    await q().getByRole('radio', { name: 'No acknowledged write is ever lost' }).check();
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✗ 1 of 3 parts right. Read why below each, then try again or see the answer.')).toBeFocused();
    await expect(q().getByRole('listitem').filter({ hasText: /^✗ Not this time: the run returned x = 1, the value before it/ })).toBeVisible();
    await expect(q().getByRole('listitem').filter({ hasText: /^✗ Not this one: No acknowledged write is ever lost\. Not in general: under last write wins/ })).toBeVisible();
    await noAxeViolations(page);
    await q().getByRole('button', { name: 'Try again' }).click();
    await q().getByRole('group', { name: 'The read through C during the cut returns…' }).getByRole('radio', { name: 'x = 1, the value before it' }).check();
    await q().getByRole('radio', { name: 'Once writes stop and faults heal, every replica ends up with the same value' }).check();
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✓ All right.')).toBeVisible();
    await expect(q().getByRole('heading', { name: 'Why' })).toBeVisible();
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q2: four pairs of version vectors.
    await expect(q().getByRole('heading', { name: 'Question 2: What version vectors tell apart' })).toBeVisible();
    for (const [pair, order] of [
      ['Pair 1', 'concurrent: a conflict'],
      ['Pair 2', 'the first is newer'],
      ['Pair 3', 'the second is newer'],
      ['Pair 4', 'the same version'],
    ] as const)
      await q().getByLabel(new RegExp(`^${pair}:`)).selectOption({ label: order });
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✓ All right.')).toBeVisible();
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q3: show the answer.
    await expect(q().getByRole('heading', { name: 'Question 3: Why a CRDT has no conflicts' })).toBeVisible();
    await q().getByRole('button', { name: 'Show the answer' }).click();
    await expect(q().getByText('The answer, checked the same way:')).toBeVisible();
    await expect(q().getByRole('radio', { name: /^Its merge is commutative, associative and idempotent/ })).toBeChecked();
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q4: a level per row, inventory wrongly first; each row's case is run.
    await expect(q().getByRole('heading', { name: 'Question 4: Eventual or strong?' })).toBeVisible();
    const levels: [string, string][] = [
      ['Bank transfer', 'Strong'],
      ['Likes on a post', 'Eventual'],
      ['Inventory count', 'Eventual'],
      ['User profile photo', 'Eventual, with session guarantees'],
      ['Order status', 'Eventual, with session guarantees'],
    ];
    for (const [row, level] of levels) await q().getByLabel(row, { exact: true }).selectOption({ label: level });
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✗ Not all right yet. Read why below, then try again or see the answer.')).toBeVisible();
    await expect(q().getByRole('listitem').filter({ hasText: /^✗ Inventory count, eventual: not the best fit\..*sell it 2 times; majority quorums sell it once/ })).toBeVisible();
    await expect(q().getByRole('listitem').filter({ hasText: /^✓ Likes on a post, eventual: a good fit\..*counts 6; a G-Counter, just as available and just as eventual, counts 7\./ })).toBeVisible();
    await q().getByRole('button', { name: 'Try again' }).click();
    await q().getByLabel('Inventory count', { exact: true }).selectOption({ label: 'Strong' });
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✓ All right.')).toBeVisible();
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q5: W and R for each goal, then the settings are run.
    await expect(q().getByRole('heading', { name: 'Question 5: W and R for five replicas' })).toBeVisible();
    const goals: [RegExp, number, number][] = [
      [/^\(a\)/, 3, 3],
      [/^\(b\)/, 1, 5],
      [/^\(c\)/, 1, 1],
    ];
    for (const [goal, w, r] of goals) {
      await q().getByRole('spinbutton', { name: 'W', description: goal }).fill(String(w));
      await q().getByRole('spinbutton', { name: 'R', description: goal }).fill(String(r));
    }
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✓ All right.')).toBeVisible();
    const measured = q().getByRole('region', { name: 'Your settings measured (scrolls sideways on a narrow screen)' });
    await expect(measured.getByRole('row')).toHaveCount(4, { timeout: 10_000 });
    // W = 1, R = 5 with two replicas down: every write works, no read does.
    await expect(measured.getByRole('row', { name: /^\(b\) W = 1, R = 5/ })).toContainText('all / none');
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q6: half right first (monotonic writes missed), then right; the fix is run.
    await expect(q().getByRole('heading', { name: 'Question 6: The comment before its post' })).toBeVisible();
    await q().getByRole('checkbox', { name: 'Causal consistency' }).check();
    await q().getByRole('radio', { name: 'Explicit dependencies' }).check();
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText(/^✗ 1 of 2 parts right/)).toBeVisible();
    await expect(q().getByRole('listitem').filter({ hasText: /^✗ Missed: Monotonic writes\./ })).toBeVisible();
    await expect(q().getByRole('listitem').filter({ hasText: /^✓ It works: with explicit dependencies the story ran again and the checker says causal consistency holds/ })).toBeVisible();
    await q().getByRole('button', { name: 'Try again' }).click();
    await q().getByRole('checkbox', { name: 'Monotonic writes' }).check();
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✓ All right.')).toBeVisible();
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q7: the three ways, the last one wrongly; then the demo, then the answer shown.
    await expect(q().getByRole('heading', { name: 'Question 7: Two inserts at position 0' })).toBeVisible();
    await q().getByRole('group', { name: /^Each replica applies the other’s insert/ }).getByRole('radio', { name: 'Different texts on the two replicas' }).check();
    await q().getByRole('group', { name: /^Operational transformation/ }).getByRole('radio', { name: '“HelloWorld” on both' }).check();
    await q().getByRole('group', { name: /^A sequence CRDT \(RGA\)/ }).getByRole('radio', { name: '“HelloWorld” on both' }).check();
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText(/^✗ 2 of 3 parts right/)).toBeVisible();
    await expect(q().getByRole('listitem').filter({ hasText: /^✗ Not this one: “HelloWorld” on both\. Both first letters go after the start; \(1, B\) is larger than \(1, A\)/ })).toBeVisible();
    const demo = q().getByRole('region', { name: 'Each way’s result (scrolls sideways on a narrow screen)' });
    await expect(demo.getByRole('row', { name: /^Position only/ })).toHaveText(/“WorldHello”\s*“HelloWorld”\s*✗ no/);
    await q().getByRole('textbox', { name: 'Text at first' }).fill('cat');
    await q().getByRole('textbox', { name: 'A inserts' }).fill('the ');
    await q().getByRole('textbox', { name: 'B inserts' }).fill('s');
    await q().getByRole('spinbutton', { name: 'B’s position' }).fill('3');
    await expect(demo.getByRole('row', { name: /^Sequence CRDT/ })).toHaveText(/“the cats”\s*“the cats”\s*✓ yes/);
    await q().getByRole('button', { name: 'Show the answer' }).click();
    await expect(q().getByRole('group', { name: /^A sequence CRDT \(RGA\)/ }).getByRole('radio', { name: '“WorldHello” on both' })).toBeChecked();
    await q().getByRole('button', { name: 'Next question' }).click();

    // Q8: numbers, one wrong at first.
    await expect(q().getByRole('heading', { name: 'Question 8: A G-Counter by hand' })).toBeVisible();
    const numbers: [string, string][] = [
      ['Node A', '20'],
      ['Node B', '16'],
      ['Node C', '20'],
      ['A’s entry for A', '10'],
      ['A’s entry for B', '8'],
      ['A’s entry for C', '7'],
      ['A’s total', '25'],
    ];
    for (const [label, value] of numbers) await q().getByRole('textbox', { name: label, exact: true }).fill(value);
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByRole('listitem').filter({ hasText: 'Node C: not 20.' })).toBeVisible();
    await q().getByRole('button', { name: 'Try again' }).click();
    await q().getByRole('textbox', { name: 'Node C', exact: true }).fill('19');
    await q().getByRole('button', { name: 'Check my answers' }).click();
    await expect(q().getByText('✓ All right.')).toBeVisible();

    await expect(page.getByText(/^Score: 6 of 8 answered right, 2 shown\. Exercise: 0 of 3 parts done\.$/)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Questions and exercise' }).getByRole('link', { name: 'Question 3: Why a CRDT has no conflicts (answer shown)' })).toBeVisible();
    await noAxeViolations(page);
    await page.reload();
    await expect(page.getByText(/^Score: 6 of 8 answered right, 2 shown\. Exercise: 0 of 3 parts done\.$/)).toBeVisible();
    await page.goto('./');
    await expect(page.getByText('Your progress: 0 of 5 lessons finished, 6 of 8 quiz questions answered right, 0 of 3 parts of the hands-on exercise done.')).toBeVisible();
  });

  test('the hands-on exercise: replication lag predicted, then run side by side, and counted on the path', async ({ page }) => {
    await page.goto('./?lab=quiz&q=ex1');
    await expect(question(page).getByRole('heading', { name: 'Exercise, part 1: Replication lag, strong and eventual' })).toBeVisible();
    await question(page).getByRole('group', { name: /^With W = 1,/ }).getByRole('radio', { name: 'x = 1, the old value' }).check();
    await question(page).getByRole('group', { name: /^With W = N,/ }).getByRole('radio', { name: 'x = 2, the new value' }).check();
    await question(page).getByRole('radio', { name: 'Every write waits for the farthest replica' }).check();
    await question(page).getByRole('button', { name: 'Check my answers' }).click();
    await expect(question(page).getByText('✓ All right.')).toBeVisible();
    const reads = question(page).getByRole('region', { name: 'Reads through C after the acknowledgement (scrolls sideways on a narrow screen)' });
    await expect(reads.getByRole('row', { name: /^W = 1/ })).toContainText('x = 1 (old)');
    await expect(reads.getByRole('row', { name: /^W = N/ })).not.toContainText('(old)');
    await question(page).getByRole('button', { name: 'Next question' }).click();
    await expect(question(page).getByRole('heading', { name: 'Exercise, part 2: Which value won?' })).toBeFocused();
    await expect(page.getByText(/Exercise: 1 of 3 parts done\.$/)).toBeVisible();
    await page.goto('./');
    await expect(page.getByRole('listitem').filter({ hasText: /^Hands-on, part 1: replication lag/ })).toContainText('answered right');
  });

  test('with storage blocked, the quiz says progress lasts only while the page is open, and works', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto('./?lab=quiz&q=q8');
    await expect(page.getByRole('status').filter({ hasText: 'This browser does not let the lab save your progress, so it lasts only while this page is open.' })).toBeVisible();
    await question(page).getByRole('button', { name: 'Show the answer' }).click();
    await expect(page.getByText(/^Score: 0 of 8 answered right, 1 shown\./)).toBeVisible();
  });

  test('progress saved by something else is refused in a sentence, and the path starts afresh', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('eventual-consistency-lab/progress/v1', '{"steps":["<img src=x onerror=alert(1)>"],"quiz":{}}'));
    await page.goto('./');
    await expect(page.getByText('The progress saved in this browser could not be read, so the path starts afresh.')).toBeVisible();
    await expect(page.getByText('New here? Start with part 1’s lesson,')).toBeVisible();
  });

  test('a bad question in the address gets a sentence and the first question', async ({ page }) => {
    await page.goto('./?lab=quiz&q=q99');
    await expect(page.getByRole('alert')).toHaveText('There is no question “q99” here; showing “What eventual consistency promises”.');
    await expect(question(page).getByRole('heading', { name: 'Question 1: What eventual consistency promises' })).toBeVisible();
  });

  for (const [what, url, ready] of [
    ['the course path', './', 'Eventual consistency, hands on'],
    ['the quiz', './?lab=quiz&q=q5', 'The module’s quiz, answered by running it'],
    ['a lesson', './?lab=playground&lesson=stale-read&step=2', 'Replica playground'],
  ] as const) {
    test(`${what} fits a 360 px frame, with no accessibility violations`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(url);
      await expect(page.getByRole('heading', { name: ready, level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await noAxeViolations(page);
    });
  }
});
