import type { NodeId } from '../sim/ids.ts';
import type { Point } from '../view/layout.ts';
import { STAMP_CHAR, type Box } from '../view/labelPlacement.ts';
import type { KeyCell } from '../view/replicaCells.ts';

interface Props {
  readonly id: NodeId;
  readonly at: Point;
  readonly radius: number;
  readonly cells: readonly KeyCell[];
  /** The key whose agreement colours the node. */
  readonly primaryKey: string | undefined;
  readonly down: boolean;
  readonly skew: number;
  readonly selected: boolean;
  readonly highlighted: boolean;
  readonly onSelect: () => void;
  readonly onHighlight: (on: boolean) => void;
  /** Membership of the quorums of the last write and the last read of one key, when the lab shows them. */
  readonly quorum?: { readonly key: string; readonly write: boolean; readonly read: boolean; readonly standIn?: boolean };
  /** Writes this replica holds for others while standing in for them (sloppy quorums). */
  readonly hints?: readonly { readonly key: string; readonly owner: NodeId }[];
  /** The widest a value may be drawn before it would run into a neighbour. */
  readonly maxValueWidth?: number;
  /** Where the "behind" badge and the write stamp go: placed clear of links (view/labelPlacement.ts); under the node by default. */
  readonly labelBlock?: Box;
  /** Where a hint badge or the clock's offset goes; above the node by default. */
  readonly labelTag?: Box;
}

/** How many keys a node shows in the picture; the inspector and table show them all. */
const SHOWN_KEYS = 2;

/** A monospace character's width, as a share of the font size. */
const CHAR_WIDTH = 0.62;
const MIN_VALUE_SIZE = 10;

/**
 * A value sized to fit `room`: smaller type first, down to a readable minimum, then cut
 * short with an ellipsis. The whole value is in the replica's accessible name and the table.
 */
function fitValue(text: string, size: number, room: number): { text: string; size: number } {
  const fitSize = room / (text.length * CHAR_WIDTH);
  if (fitSize >= size) return { text, size };
  if (fitSize >= MIN_VALUE_SIZE) return { text, size: fitSize };
  const chars = Math.max(4, Math.floor(room / (MIN_VALUE_SIZE * CHAR_WIDTH)));
  return { text: `${text.slice(0, chars - 1)}…`, size: MIN_VALUE_SIZE };
}

/** A stamp cut to the characters that fit `width`, with an ellipsis if it was cut. */
function fitStamp(text: string, width: number): string {
  const chars = Math.floor(width / STAMP_CHAR);
  return text.length <= chars ? text : `${text.slice(0, Math.max(4, chars - 1))}…`;
}

/** One replica: its name, what it holds, how far behind it is, and whether it is up. */
export function ReplicaNode({ id, at, radius, cells, primaryKey, down, skew, selected, highlighted, onSelect, onHighlight, quorum, hints = [], maxValueWidth = Infinity, labelBlock, labelTag }: Props) {
  const tagX = labelTag ? labelTag.x + labelTag.w / 2 : at.x;
  // The hint badge fills the tag's top row, the clock's offset the row under it (or the top, alone).
  const tagY = labelTag ? labelTag.y + 10 : at.y - radius - 16;
  const blockX = labelBlock ? labelBlock.x + labelBlock.w / 2 : at.x;
  const blockY = labelBlock ? labelBlock.y : at.y + radius + 4;
  const primary = cells.find((c) => c.key === primaryKey);
  const fill = down ? undefined : `url(#group-${Math.min(primary?.group ?? 0, 5)})`;
  // Small nodes (many replicas, or a phone) show one key, in type sized to the node.
  const shown = cells.slice(0, radius < 30 ? 1 : SHOWN_KEYS);
  const nameSize = Math.round(radius * 0.55);
  const valueSize = Math.max(11, Math.round(radius * 0.37));
  const behind = cells.reduce((n, c) => n + c.behind, 0);
  const label = [
    `Replica ${id}`,
    down ? 'down' : 'up',
    ...cells.map((c) => `${c.key} ${c.values.length === 0 ? 'empty' : `= ${c.values.join(' and ')}`}${c.behind > 0 ? `, ${c.behind} acknowledged write${c.behind === 1 ? '' : 's'} behind` : ''}`),
    skew !== 0 ? `clock ${skew > 0 ? '+' : ''}${skew} ms` : '',
    hints.length > 0 ? `holding ${hints.map((h) => `${h.key} for ${h.owner}`).join(' and ')} as a hint` : '',
    quorum?.write && quorum.read
      ? `in the quorums of the last write and the last read of ${quorum.key}`
      : quorum?.write
        ? `in the quorum of the last write of ${quorum.key}`
        : quorum?.read
          ? `in the quorum of the last read of ${quorum.key}`
          : '',
    quorum?.standIn ? `as a stand-in that does not keep ${quorum.key}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <g
      className={`replica${down ? ' down' : ''}${selected ? ' selected' : ''}${highlighted ? ' highlighted' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
      onPointerEnter={() => onHighlight(true)}
      onPointerLeave={() => onHighlight(false)}
    >
      <circle className="body" cx={at.x} cy={at.y} r={radius} fill={fill} />
      <text className="replica-name" x={at.x} y={at.y - radius * 0.3} fontSize={nameSize}>
        {id}
      </text>
      {down ? (
        <text className="replica-value" x={at.x} y={at.y + valueSize} fontSize={valueSize}>
          down
        </text>
      ) : (
        <>
          {shown.map((c, i) => {
            const { text, size } = fitValue(`${c.key}=${c.values.length === 0 ? '∅' : c.values.join('|')}`, valueSize, maxValueWidth);
            const y = at.y + valueSize * 0.6 + i * valueSize * 1.15;
            // A value wider than the node (a cart, siblings) gets a light tag behind it,
            // so it stays readable where it runs over links and the page, in any theme.
            const width = text.length * size * CHAR_WIDTH;
            return (
              <g key={c.key}>
                {width > radius * 1.8 && <rect className="value-tag" x={at.x - width / 2 - 4} y={y - size * 0.95} width={width + 8} height={size * 1.3} rx={4} />}
                <text className="replica-value" x={at.x} y={y} fontSize={size}>
                  {text}
                </text>
              </g>
            );
          })}
          {primary && primary.stamp && (
            <text className="stamp" x={blockX} y={blockY + (behind > 0 ? 34 : 13)}>
              {/* Cut short to its block where siblings' version vectors run long; whole in the tooltip and the inspector. */}
              <title>{`${primary.key} ${primary.stamp}`}</title>
              {fitStamp(`${primary.key} ${primary.stamp}`, labelBlock?.w ?? Infinity)}
            </text>
          )}
        </>
      )}
      {skew !== 0 && (
        // Under the hint badge when there is one (both in the tag's place).
        <text className="small" x={tagX} y={tagY + (hints.length > 0 ? 23 : 5)}>
          clock {skew > 0 ? '+' : ''}
          {skew} ms
        </text>
      )}
      {hints.length > 0 && (
        <g className="hint-badge" transform={`translate(${tagX} ${tagY - 1})`}>
          <rect x="-46" y="-12" width="92" height="20" rx="4" />
          <text y="3">
            hint: {hints.map((h) => `${h.key}→${h.owner}`).join(', ')}
          </text>
        </g>
      )}
      {behind > 0 && !down && (
        <g className="badge" transform={`translate(${blockX} ${blockY})`}>
          <rect x="-38" y="0" width="76" height="20" rx="10" />
          <text y="14">{behind} behind</text>
        </g>
      )}
    </g>
  );
}
