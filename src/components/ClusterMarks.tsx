import type { NodeId } from '../sim/ids.ts';
import type { Box } from '../view/labelPlacement.ts';
import type { Point } from '../view/layout.ts';
import type { PartitionLine } from '../view/partitionLine.ts';
import type { RingedQuorums } from '../view/quorumRings.ts';

/* The marks the cluster picture draws over its links: quorum rings, a partition, a cut. */

/** W and R rings round the quorum replicas; a replica in both is marked as the overlap. */
export function QuorumRings({ quorums, pos, radius, labelAt }: { quorums: RingedQuorums; pos: (id: NodeId) => Point; radius: number; labelAt: (id: NodeId) => Box }) {
  const all = [...new Set([...quorums.write, ...quorums.read])];
  return (
    <g className="quorum-rings" aria-hidden="true">
      {all.map((id) => {
        const p = pos(id);
        const inW = quorums.write.includes(id);
        const inR = quorums.read.includes(id);
        const at = labelAt(id);
        return (
          <g key={id}>
            {inW && <circle className="ring-w" cx={p.x} cy={p.y} r={radius + 6} />}
            {inR && <circle className="ring-r" cx={p.x} cy={p.y} r={radius + 11} />}
            <text className="ring-label" x={at.x + at.w / 2} y={at.y + at.h - 3}>
              {inW && inR ? 'W∩R' : inW ? 'W' : 'R'}
              {quorums.standIns.includes(id) ? ' stand-in' : ''}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A partition: one dashed line between the sides, or islands round the smaller side. */
export function PartitionMark({ partition }: { partition: PartitionLine }) {
  const [one, other] = partition.sides;
  const title = `Partition: ${one.join(', ')} apart from ${other.join(', ')}`;
  // Which side is which, in words, in the picture's corner: the shapes alone do not name them.
  const caption = (
    <text className="partition-caption" x={8} y={16}>
      Partition: {one.join(', ')} | {other.join(', ')}
    </text>
  );
  if (partition.shape.kind === 'line') {
    const { from, to } = partition.shape;
    return (
      <g className="partition-mark" aria-hidden="true">
        <title>{title}</title>
        <line className="partition-boundary" x1={from.x} y1={from.y} x2={to.x} y2={to.y} />
        {caption}
      </g>
    );
  }
  const { islands, pad } = partition.shape;
  return (
    <g className="partition-mark" aria-hidden="true">
      <title>{title}</title>
      {caption}
      {islands.map((pts, i) => (
        <path key={i} className="partition-island" strokeWidth={2 * pad} d={`M${pts.map((p) => `${p.x},${p.y}`).join('L')}${pts.length > 2 ? 'Z' : pts.length === 1 ? 'l0.01,0' : ''}`} />
      ))}
    </g>
  );
}

export function CutMark({ a, b, fromA, fromB }: { a: Point; b: Point; fromA: boolean; fromB: boolean }) {
  // Mark the cut near the sending end of each cut direction.
  const at = (p: Point, q: Point) => ({ x: p.x + (q.x - p.x) * 0.3, y: p.y + (q.y - p.y) * 0.3 });
  return (
    <>
      {fromA && <CutX p={at(a, b)} />}
      {fromB && <CutX p={at(b, a)} />}
    </>
  );
}

function CutX({ p }: { p: Point }) {
  return (
    <g className="cut-x" transform={`translate(${p.x} ${p.y})`}>
      <circle r="9" />
      <path d="M-4 -4 L4 4 M4 -4 L-4 4" />
    </g>
  );
}

