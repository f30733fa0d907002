/**
 * Each canvas's width on the page, kept by one ResizeObserver: reading `clientWidth` on
 * every frame forced the browser to lay the page out again before drawing (a few ms a
 * frame with the diagram in view).
 */
const widths = new WeakMap<HTMLCanvasElement, number>();
const observer =
  typeof ResizeObserver === 'undefined'
    ? null
    : new ResizeObserver((entries) => {
        for (const e of entries) widths.set(e.target as HTMLCanvasElement, e.contentRect.width);
      });

function widthOf(el: HTMLCanvasElement): number {
  let w = widths.get(el);
  if (w === undefined) {
    w = el.clientWidth;
    widths.set(el, w);
    observer?.observe(el);
  }
  return w;
}

/**
 * Ready a canvas laid over an SVG to draw in the SVG's own coordinates (its viewBox is
 * width × height): sized to the device's pixels, scaled, and cleared. Null if the browser
 * gives no 2D context.
 */
export function canvasInViewBox(el: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = el?.getContext('2d');
  if (!el || !ctx) return null;
  const scale = (widthOf(el) / width) * (window.devicePixelRatio || 1);
  if (el.width !== Math.round(width * scale)) {
    el.width = Math.round(width * scale);
    el.height = Math.round(height * scale);
  }
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
