import { FAULT_WORDS, IN_THIS_LAB, SETUP_WORDS } from '../../../content/replicationLabWords.ts';
import type { FaultId, SetupId } from '../model/replicationRuns.ts';

/** What a setup does here and elsewhere: its sentences load just after the first screen. */
export function SetupNotes({ setup }: { readonly setup: SetupId }) {
  const words = SETUP_WORDS[setup];
  return (
    <>
      <p>{words.what}</p>
      <p>
        <strong>Elsewhere:</strong> {words.elsewhere}
      </p>
    </>
  );
}

export function FaultNotes({ fault }: { readonly fault: FaultId }) {
  return <p>{FAULT_WORDS[fault]}</p>;
}

/** Where the lab simplifies what real systems do. */
export function InThisLab() {
  return (
    <section className="panel in-this-lab" aria-label="Where this lab simplifies">
      <h2>Where this lab simplifies</h2>
      <ul>
        {IN_THIS_LAB.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
