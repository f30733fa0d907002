/**
 * The message an embedded lab posts to the page around it whenever its content's height
 * changes, so the page can size the iframe to fit (public/embed.js does it for every lab
 * frame on a page). One of the host API's events (hostProtocol.ts); documented in the
 * README; versioned, so a host can tell formats apart.
 *
 * @example { type: 'ec-lab:resized', version: 1, height: 1184 }
 */
export interface ResizeMessage {
  readonly type: 'ec-lab:resized';
  readonly version: 1;
  /** The content's height in CSS pixels, rounded up. */
  readonly height: number;
}

/**
 * Post the height of `content` each time it changes (a ResizeObserver on the content, not
 * a timer), and once at the start. Returns a function that stops it.
 */
export function startResizePosts(content: HTMLElement, post: (message: ResizeMessage) => void): () => void {
  let last = -1;
  const measure = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    post({ type: 'ec-lab:resized', version: 1, height });
  };
  const observer = new ResizeObserver(measure);
  observer.observe(content);
  measure();
  return () => observer.disconnect();
}
