import { useEffect, useRef } from 'react';
import type { MessageRecord } from '../sim/trace.ts';
import type { Point } from '../view/layout.ts';
import type { MessageMark } from '../view/messagePosition.ts';
import { KIND_STYLES, describeRoute } from '../view/messageStyle.ts';
import { canvasInViewBox } from './canvasLayer.ts';
import { themeColors } from './themeColors.ts';

/* The messages in the cluster picture: one SVG element each while few, a canvas when many. */

/** Past this many, messages are drawn as one path per kind: see DenseDots. */
export const DENSE_MARKS = 60;

/**
 * Hundreds of messages in flight: drawn on a canvas, one dot each, instead of SVG. With
 * ~300 moving dots SVG had to be re-rasterised every frame and missed frames; a canvas
 * draws them in well under a millisecond. They cannot be pointed at one by one; the count
 * is in the picture's name and the space-time diagram shows them. The canvas is given the
 * picture's coordinates, so an export folds it back in as an image.
 */
export function DenseDots({ marks, width, height }: { marks: readonly MessageMark[]; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = canvasInViewBox(el, width, height);
    if (!el || !ctx) return;
    ctx.lineWidth = 3;
    const colors = themeColors(el);
    for (const { message, at, dropped, opacity } of marks) {
      const color = colors(message.kind);
      ctx.globalAlpha = opacity;
      ctx.beginPath();
      if (dropped) {
        ctx.strokeStyle = color;
        ctx.moveTo(at.x - 6, at.y - 6);
        ctx.lineTo(at.x + 6, at.y + 6);
        ctx.moveTo(at.x + 6, at.y - 6);
        ctx.lineTo(at.x - 6, at.y + 6);
        ctx.stroke();
      } else {
        ctx.fillStyle = color;
        ctx.arc(at.x, at.y, 7, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
  });
  return <canvas ref={canvas} className="cluster-overlay" data-overlay-of="cluster" aria-hidden="true" />;
}

export interface DotProps {
  readonly message: MessageRecord;
  readonly at: Point;
  readonly dropped: boolean;
  readonly opacity: number;
  readonly labelled: boolean;
  readonly highlighted: boolean;
  readonly onSelect: () => void;
  readonly onHighlight: (on: boolean) => void;
}

/** About how wide a message's word is drawn ("ack", "repl=2"), 12 px bold. */
export function messageWordWidth(message: { readonly kind: keyof typeof KIND_STYLES; readonly value: string | null }): number {
  const chars = KIND_STYLES[message.kind].label.length + (message.value !== null ? message.value.length + 1 : 0);
  return chars * 7.5 + 6;
}

export function MessageDot({ message, at, dropped, opacity, labelled, highlighted, onSelect, onHighlight }: DotProps) {
  const style = KIND_STYLES[message.kind];
  const value = message.value !== null ? `=${message.value}` : '';
  return (
    <g
      className={`message${dropped ? ' dropped' : ''}${highlighted ? ' highlighted' : ''}`}
      role="listitem"
      aria-label={`${describeRoute(message)}${dropped ? ', dropped' : ''}`}
      transform={`translate(${at.x} ${at.y})`}
      opacity={opacity}
      onClick={onSelect}
      onPointerEnter={() => onHighlight(true)}
      onPointerLeave={() => onHighlight(false)}
    >
      {dropped ? (
        <path className="drop-x" d="M-7 -7 L7 7 M7 -7 L-7 7" stroke={style.color} style={{ stroke: `var(${style.colorVar}, ${style.color})` }} />
      ) : (
        <circle r={highlighted ? 10 : 7} fill={style.color} style={{ fill: `var(${style.colorVar}, ${style.color})` }} />
      )}
      {labelled && (
        <text y="-11" className="message-label">
          {style.label}
          {value}
        </text>
      )}
    </g>
  );
}
