/** A version or vector in running text: "{A:2, B:1}", "{} + B:3", "{A:2} + F:4, G:1". */
const NOTATION = /(\{[^{}]*\}(?: \+ [^\s,;.(){}]+:\d+(?:, [^\s,;.(){}]+:\d+)*)?)/;

/**
 * Text from content/ with each version in it set as code that does not break across
 * lines, so "{A:2, B:1}" never splits after its comma. The words read the same.
 */
export function Notated({ text }: { text: string }) {
  return (
    <>
      {text.split(NOTATION).map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="notation">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
