/**
 * Text from outside, made safe to show inside a sentence: control, format (bidi overrides
 * included) and separator characters are written as code points, so they cannot reverse
 * or hide the words around them.
 *
 * @example safeText('a\u202Eb') // 'aU+202Eb'
 */
export function safeText(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
