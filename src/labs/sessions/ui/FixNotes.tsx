import { FIX_WORDS } from '../../../content/sessionFixWords.ts';
import type { FixId } from '../../../content/sessionStories.ts';

/** A fix in three sentences: what it does in this lab, what it costs, what real systems do. */
export function FixNotes({ fix }: { readonly fix: FixId }) {
  const w = FIX_WORDS[fix];
  return (
    <>
      <p>
        <strong>In this lab:</strong> {w.what}
      </p>
      <p>
        <strong>What it costs:</strong> {w.cost}
      </p>
      <p>
        <strong>Elsewhere:</strong> {w.elsewhere}
      </p>
    </>
  );
}
