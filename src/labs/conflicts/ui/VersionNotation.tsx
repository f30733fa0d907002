import { VERSION_NOTATION } from '../../../content/vvWords.ts';
import { Notated } from './Notated.tsx';

/** The key to the lab's version notation (`{A:2} + F:4`), shut until the learner opens it. */
export function VersionNotation() {
  return (
    <details className="version-notation">
      <summary>
        <Notated text={VERSION_NOTATION.summary} />
      </summary>
      {VERSION_NOTATION.paragraphs.map((p) => (
        <p key={p}>
          <Notated text={p} />
        </p>
      ))}
    </details>
  );
}
