/** Save a blob as a file through a temporary link: works offline and in sandboxed iframes that allow downloads. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An SVG element as a standalone file: its own styles are inside it, so it looks the same. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // A picture drawn in layers (see ClusterView) is saved as one.
  const overlay = svg.parentElement?.querySelector(`[data-overlay-of="${svg.dataset.exportName ?? ''}"]`);
  if (overlay instanceof HTMLCanvasElement) {
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    const box = svg.viewBox.baseVal;
    image.setAttribute('href', overlay.toDataURL('image/png'));
    image.setAttribute('width', String(box.width));
    image.setAttribute('height', String(box.height));
    copy.append(image);
  } else if (overlay) {
    for (const child of overlay.children) copy.append(child.cloneNode(true));
  }
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) {
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
  }
  return new XMLSerializer().serializeToString(copy);
}

/** Render an SVG to a PNG at twice its size, on the page's background colour. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const text = svgText(svg);
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the picture could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw to a canvas');
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
