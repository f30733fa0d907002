import type { MessageKind } from '../sim/trace.ts';
import { KIND_STYLES } from '../view/messageStyle.ts';

let cached: { dark: boolean; colors: Map<MessageKind, string> } | null = null;

/**
 * Message colours as the page's theme sets them (a canvas cannot read CSS variables
 * itself). Read once per colour scheme: getComputedStyle on every frame would force the
 * browser to recompute styles each time, which alone cost frames.
 */
export function themeColors(el: Element): (kind: MessageKind) => string {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  if (!cached || cached.dark !== dark) {
    const css = getComputedStyle(el);
    const colors = new Map<MessageKind, string>();
    for (const kind of Object.keys(KIND_STYLES) as MessageKind[]) {
      colors.set(kind, css.getPropertyValue(KIND_STYLES[kind].colorVar).trim() || KIND_STYLES[kind].color);
    }
    cached = { dark, colors };
  }
  const colors = cached.colors;
  return (kind) => colors.get(kind) ?? KIND_STYLES[kind].color;
}
