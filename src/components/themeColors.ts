import type { MessageKind } from '../sim/trace.ts';
import { KIND_STYLES } from '../view/messageStyle.ts';

/** Message colours as the page's theme sets them (a canvas cannot read CSS variables itself). */
export function themeColors(el: Element): (kind: MessageKind) => string {
  const css = getComputedStyle(el);
  const cache = new Map<MessageKind, string>();
  return (kind) => {
    let c = cache.get(kind);
    if (!c) cache.set(kind, (c = css.getPropertyValue(KIND_STYLES[kind].colorVar).trim() || KIND_STYLES[kind].color));
    return c;
  };
}
