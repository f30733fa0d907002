/**
 * Ready a canvas laid over an SVG to draw in the SVG's own coordinates (its viewBox is
 * width × height): sized to the device's pixels, scaled, and cleared. Null if the browser
 * gives no 2D context.
 */
export function canvasInViewBox(el: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = el?.getContext('2d');
  if (!el || !ctx) return null;
  const scale = (el.clientWidth / width) * (window.devicePixelRatio || 1);
  if (el.width !== Math.round(width * scale)) {
    el.width = Math.round(width * scale);
    el.height = Math.round(height * scale);
  }
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
