import './cartTables.css';
import { useId, useMemo } from 'react';
import { sameChange, type CartOutcome } from '../../../../analysis/carts.ts';
import { skewAt } from '../../../../check/clocks.ts';
import { clockWords, isLoss, ledgerOf, lwwOverwriter, stampedLaterBecause, twoPhaseSetFinal, type LedgerRow, type Outcome } from '../../../../check/cartLedger.ts';
import { useThrottledTime } from '../../../../components/useThrottledTime.ts';
import { CART_KEY, DEVICES } from '../../../../content/cartStories.ts';
import type { OpRecord } from '../../../../sim/trace.ts';
import { formatCart, type OrSetVersion } from '../../../../sim/values/cart.ts';
import type { LwwVersion } from '../../../../sim/values/lww.ts';
import { SIBLINGS_CART_HOW } from '../../../../content/vvWords.ts';
import { LEDGER_VS_NARRATOR } from '../../../../content/cartLedgerWords.ts';
import { CART_NAMES as NAMES, seconds } from './cartWords.ts';

const DEVICE_NAME: Record<string, string> = Object.fromEntries(DEVICES.map((d) => [d.id, d.name.toLowerCase()]));

/*
 * The ledger and the notes on merging: below the picture and the carts table, so they
 * load just after the lab's first screen.
 */

const OUTCOME_TEXT: Record<Outcome, string> = {
  kept: 'kept',
  'removed-later': 'removed later, as asked',
  'added-later': 'added again later, as asked',
  lost: 'lost',
  undone: 'undone: the item came back',
  'add-wins': 'did what it saw, but an add it had not seen kept the item in the cart (add wins)',
};

/** What became of every acknowledged change, for each cart, once the replicas agree. */
/** `narrated`: the cart's run is the one the lab's narrator tells (the conflicts lab), so the ledger says how the two count differently. */
export function Ledger({ outcomes, revealed, onReveal, narrated = true }: { outcomes: CartOutcome[]; revealed: boolean; onReveal: () => void; narrated?: boolean }) {
  const id = useId();
  const t = useThrottledTime();
  const rows = ledgerOf(outcomes[0]!);
  const settled = outcomes.every((o) => o.converged);
  const settledAt = Math.max(...outcomes.map((o) => o.settledAt));
  const orSetRun = outcomes.find((o) => o.strategy === 'cart-orset')!;
  const twoPhase = useMemo(() => twoPhaseSetFinal(orSetRun.sim.trace.ops, CART_KEY), [orSetRun]);
  const heading = <h3 id={`${id}-title`}>What became of each change</h3>;
  if (rows.length === 0)
    return (
      <div className="table-panel">
        {heading}
        <p>No change has been acknowledged yet. Pick a story, or add something from the phone or the laptop.</p>
      </div>
    );
  if (!settled)
    return (
      <div className="table-panel ledger">
        {heading}
        <p role="status">The replicas still disagree at the end of the run: a link is still cut. Heal the network to see where each cart settles and what it kept.</p>
      </div>
    );
  // The outcome waits until the run has played out, unless the learner asks for it.
  if (!revealed && t < settledAt) {
    const made = rows.filter((r) => r.op.invokedAt <= t).length;
    return (
      <div className="table-panel ledger">
        {heading}
        <p>
          This run makes {rows.length} change{rows.length === 1 ? '' : 's'} to the cart; {made} so far. Play it until the replicas agree (t = {seconds(settledAt)}) to see what each
          cart kept.
        </p>
        <button type="button" onClick={onReveal}>
          Show the outcome now
        </button>
      </div>
    );
  }
  return (
    <div className="table-panel ledger">
      {heading}
      <p role="status">{summary(outcomes)}</p>
      {narrated && <p className="small muted">{LEDGER_VS_NARRATOR}</p>}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Ledger of changes (scrolls sideways on a narrow screen)">
        <table aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Change</th>
              {outcomes.map((o) => (
                <th key={o.strategy} scope="col">
                  {NAMES[o.strategy]}
                </th>
              ))}
              <th scope="col">2P-Set, same changes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const orRow = ledgerOf(orSetRun).find((x) => sameChange(x.op, row.op));
              const twoPhaseRow = orRow && twoPhaseOutcome(orRow, twoPhase, ledgerOf(orSetRun).slice(ledgerOf(orSetRun).indexOf(orRow) + 1));
              return (
                <tr key={row.op.id}>
                  <th scope="row">{changeText(row.op, row)}</th>
                  {outcomes.map((o) => {
                    const r = ledgerOf(o).find((x) => sameChange(x.op, row.op));
                    if (!r) return <td key={o.strategy}>not acknowledged in this run</td>;
                    return (
                      <td key={o.strategy} className={isLoss(r.outcome) ? 'lost' : 'kept'}>
                        <Mark lost={isLoss(r.outcome)} />
                        {OUTCOME_TEXT[r.outcome]}
                        {o.strategy === 'cart-lww' && isLoss(r.outcome) && <Culprit sim={o.sim} row={r} />}
                        {o.strategy === 'cart-orset' && <OrSetDetail version={r.op.version} />}
                      </td>
                    );
                  })}
                  <td key={`2p-${i}`} className={twoPhaseRow?.lost ? 'lost' : 'kept'}>
                    {twoPhaseRow && (
                      <>
                        <Mark lost={twoPhaseRow.lost} />
                        {twoPhaseRow.text}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="small">
        Final carts: {outcomes.map((o) => `${NAMES[o.strategy]} ${formatCart(o.final)}`).join('; ')}; 2P-Set {formatCart(twoPhase.final)}. The replicas agree from t ={' '}
        {seconds(settledAt)} at the latest.
      </p>
    </div>
  );
}

function Mark({ lost }: { lost: boolean }) {
  return <span aria-hidden="true">{lost ? '✗ ' : '✓ '}</span>;
}

function changeText(op: OpRecord, row: LedgerRow): string {
  return `t = ${seconds(op.invokedAt)}: ${row.change.type === 'add' ? 'add' : 'remove'} ${row.change.item} on the ${DEVICE_NAME[op.client] ?? op.client}`;
}

function Culprit({ sim, row }: { sim: CartOutcome['sim']; row: LedgerRow }) {
  const by = lwwOverwriter(sim.trace.ops, row.op);
  if (!by) return null;
  const mine = row.op.version as LwwVersion;
  const theirs = by.version as LwwVersion;
  let why = '';
  if (by.invokedAt < row.op.invokedAt) {
    // Made earlier, stamped later: a clock running ahead, or simply a slower way to its replica.
    // Say which clock is off, and which way: a slow clock on this side looks the same in the stamps.
    const clocks = stampedLaterBecause(sim.trace.events, by, row.op) === 'clocks';
    const theirClock = clockWords(skewAt(sim.trace.events, theirs.node, by.invokedAt));
    const myClock = clockWords(skewAt(sim.trace.events, mine.node, row.op.invokedAt));
    why = clocks
      ? `, earlier, but stamped ${seconds(theirs.ts)} by ${theirs.node}, whose clock ${theirClock}, against ${seconds(mine.ts)} by ${mine.node}, whose clock ${myClock}`
      : `, earlier, but it reached replica ${theirs.node} later and was stamped ${seconds(theirs.ts)} against ${seconds(mine.ts)}`;
  }
  return (
    <span className="stamp">
      overwritten by the {DEVICE_NAME[by.client] ?? by.client}’s cart {theirs.value} written at t = {seconds(by.invokedAt)}
      {why}
    </span>
  );
}

function OrSetDetail({ version }: { version: unknown }) {
  const v = version as OrSetVersion | null;
  if (!v) return null;
  if (v.type === 'add') return <span className="stamp">tag {v.tag}</span>;
  return <span className="stamp">{v.observed.length === 0 ? 'saw no tags for it' : `deleted the tags it saw: ${v.observed.join(', ')}`}</span>;
}

/** The 2P-Set's column, judged from the OR-Set run's record of the same change. */
function twoPhaseOutcome(row: LedgerRow, twoPhase: ReturnType<typeof twoPhaseSetFinal>, after: readonly LedgerRow[]): { lost: boolean; text: string } {
  const { item } = row.change;
  if (row.change.type === 'remove') {
    // Gone at the end is what was asked, whichever remove did it. Still there means this
    // remove was ignored: its replica had never seen the item added.
    if (!twoPhase.final.includes(item)) return { lost: false, text: 'kept: removals stick for good' };
    return { lost: true, text: 'ignored: its replica had not seen the item added, and a 2P-Set removes only what it has seen' };
  }
  if (twoPhase.final.includes(item)) return { lost: false, text: 'kept' };
  const removedLater = after.some((r) => r.change.item === item && r.change.type === 'remove' && !twoPhase.ignoredRemoves.has(r.op));
  return removedLater ? { lost: false, text: 'removed later, as asked' } : { lost: true, text: 'gone for good: the item was removed once, and a 2P-Set cannot add it again' };
}

function summary(outcomes: CartOutcome[]): string {
  const parts = outcomes.map((o) => {
    const lost = ledgerOf(o).filter((r) => r.outcome === 'lost').length;
    const undone = ledgerOf(o).filter((r) => r.outcome === 'undone').length;
    if (lost === 0 && undone === 0) return `${NAMES[o.strategy]}: every change kept.`;
    const bits = [lost > 0 ? `${lost} add${lost === 1 ? '' : 's'} lost` : '', undone > 0 ? `${undone} remove${undone === 1 ? '' : 's'} undone` : ''].filter(Boolean);
    return `${NAMES[o.strategy]}: ${bits.join(' and ')}, silently.`;
  });
  return parts.join(' ');
}

/**
 * How each cart merges. The siblings cart's words (content/vvWords.ts) come in from
 * CartSection: imported here too, that module would be split into a chunk of its own,
 * which every lab's first screen would then count.
 */
export function HowTheyMerge() {
  const siblings = SIBLINGS_CART_HOW;
  return (
    <details className="how-merge">
      <summary>How each cart merges</summary>
      <dl>
        <dt>Last write wins</dt>
        <dd>
          The cart is one value stamped with the clock of the replica that wrote it. When two versions meet, the higher stamp stays and the other disappears without a trace, with
          everything it added or removed. If a replica’s clock runs fast, its writes win even when they were made earlier.
        </dd>
        <dt>Siblings, merged by union</dt>
        <dd>{siblings}</dd>
        <dt>OR-Set</dt>
        <dd>
          Every add carries a unique tag (here the replica and its counter, like A3). A remove deletes only the tags its replica has seen and remembers them. An add made elsewhere at
          the same time has a tag the remove never saw, so it survives (add wins); adding an item again after removing it makes a new tag, so it can come back.
        </dd>
        <dt>2P-Set</dt>
        <dd>A set of added items and a set of removed items, both only growing. Simple, but once an item has been removed it can never be added again.</dd>
      </dl>
    </details>
  );
}
