/**
 * The message an embedded lab posts to the page around it whenever its content's height
 * changes, so the page can size the iframe to fit (public/embed.js does it for every lab
 * frame on a page). Documented in the README; versioned, so a host can tell formats apart.
 *
 * @example { type: 'ec-lab:resize', version: 1, height: 1184 }
 */
export interface ResizeMessage {
  readonly type: 'ec-lab:resize';
  readonly version: 1;
  /** The content's height in CSS pixels, rounded up. */
  readonly height: number;
}

/**
 * Post the height of `content` to the parent window each time it changes (a ResizeObserver
 * on the content, not a timer), and once at the start. Does nothing outside a frame.
 * Returns a function that stops it.
 */
export function startResizePosts(content: HTMLElement, parent: Window | null = window.parent === window ? null : window.parent): () => void {
  if (!parent) return () => undefined;
  let last = -1;
  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: 'ec-lab:resize', version: 1, height };
    // A height says nothing private, so any page that frames the lab may size it.
    parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(content);
  post();
  return () => observer.disconnect();
}
