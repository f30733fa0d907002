import { useMemo, useRef, useState, type PointerEvent, type Ref } from 'react';
import { CutMark, PartitionMark, QuorumRings } from './ClusterMarks.tsx';
import { useStable } from './useStable.ts';
import { labelSizes } from '../view/labelSizes.ts';
import type { NodeId } from '../sim/ids.ts';
import type { MessageRecord } from '../sim/trace.ts';
import { DENSE_MARKS, DenseDots, MessageDot, messageWordWidth } from './ClusterMessages.tsx';
import { selectHighlight, selectRun, selectSelection, selectTime } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';
import { sameHighlight } from '../view/highlight.ts';
import { ringedQuorums } from '../view/quorumRings.ts';
import { along, clientHalfWidth, clusterSize, layoutCluster, linkPairs, type Point } from '../view/layout.ts';
import { labelledMessages, placeClientLabels, placeReplicaLabels } from '../view/labelPlacement.ts';
import { partitionLine } from '../view/partitionLine.ts';
import { useFittedSize } from './useFittedSize.ts';
import { DROP_LINGER_MS, messageMark } from '../view/messagePosition.ts';
import { isDropped } from '../view/messageStyle.ts';
import { CLUSTER_SVG_STYLE, GROUP_FILLS } from './clusterStyle.ts';
import { ReplicaNode } from './ReplicaNode.tsx';

interface Props {
  readonly reducedMotion: boolean;
  /** When true, dragging across the picture draws a partition line. */
  readonly drawingPartition: boolean;
  readonly onPartitionDrawn: (groups: NodeId[][] | null) => void;
  /** Ring the replicas of the last acknowledged write (W) and the last answered read (R). */
  readonly showQuorums?: boolean;
  readonly ref?: Ref<SVGSVGElement>;
  /** A short line under a replica, from the lab that knows it ("holds back 1 update"), at this moment. */
  readonly notes?: (id: NodeId, time: number) => string;
}

/** Labels on messages only while few are in flight; beyond that they are noise. */
const MAX_LABELLED_MESSAGES = 24;

/**
 * The cluster as a picture: replicas on a ring, clients below, every link, every message
 * in flight at the playhead. React owns every element; positions come from view/.
 */
export function ClusterView({ reducedMotion, drawingPartition, onPartitionDrawn, showQuorums = false, ref, notes }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const time = useLab(selectTime);
  const selection = useLab(selectSelection);
  const highlight = useLab(selectHighlight);
  const box = useRef<HTMLDivElement>(null);
  const fitted = useFittedSize(box);
  // Drawn at the page's type size: where the root font is larger (presenter mode, or a reader's own setting), the picture is drawn
  // smaller and scaled up, so its labels and lines grow with the text.
  const zoom = Math.max(1, fitted.rem / 16);
  const size = clusterSize(fitted.width / zoom, fitted.height / zoom);
  const layout = useMemo(() => layoutCluster(run.replicas, run.clients, size.width, size.height), [run, size.width, size.height]);
  const pairs = useMemo(() => linkPairs(run.replicas, run.clients), [run]);
  const model = run.at(time);
  const pos = (id: NodeId) => layout.positions.get(id)!;
  // How wide a replica's value may be drawn: up to its nearest neighbour at about the same height.
  const valueRoom = (id: NodeId) => {
    const p = pos(id);
    let room = layout.width - 8;
    for (const other of run.replicas) {
      const q = pos(other);
      if (other !== id && Math.abs(q.y - p.y) < layout.nodeRadius * 2) room = Math.min(room, Math.abs(q.x - p.x) - 12);
    }
    return room;
  };
  // Where each replica's words go, clear of links, wide values and each other: from the
  // layout and the room the words need in coarse steps (view/labelSizes.ts), so labels
  // move only when a stamp or value grows a step.
  const sizes = useStable(
    labelSizes(run.replicas, (id) => model.cells.get(id) ?? [], model.keys[0], layout.nodeRadius, valueRoom),
    (a, b) => a.key === b.key,
  );
  const withNotes = notes !== undefined;
  // Tags (a hint held for another, a clock's offset) get a place of their own only in a run that can have them.
  const withTags = useMemo(() => run.scenario.cluster.sloppyQuorum || Object.keys(run.scenario.cluster.skew).length > 0 || run.scenario.script.some((a) => a.type === 'set-skew'), [run]);
  const labels = useMemo(
    () => placeReplicaLabels(layout, run.replicas, run.clients, sizes.stampChars, withNotes, withTags, showQuorums, sizes.wide),
    [layout, run, sizes, withNotes, withTags, showQuorums],
  );
  const clientLabels = useMemo(
    () => placeClientLabels(layout, run.replicas, run.clients, [...labels.values()].flatMap((l) => [l.block, ...(showQuorums ? [l.ring] : []), ...(withTags ? [l.tag] : [])])),
    [layout, run, labels, showQuorums, withTags],
  );
  // A partition is drawn as one line (or islands), not as a cut mark on every link it cuts.
  const partition = useMemo(() => partitionLine(pairs, model.moment.cuts, layout.positions, layout.width, layout.height, layout.nodeRadius), [pairs, model.moment.cuts, layout]);
  const [drag, setDrag] = useState<{ from: Point; to: Point } | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);

  const inFlight = model.moment.inFlight;
  // Dropped messages linger a moment where they died: those in flight a moment ago, now ended.
  const recentDrops = run.timeline.inFlightAt(time - DROP_LINGER_MS).filter((m) => m.endAt <= time && isDropped(m));
  // Messages travel from rim to rim, not centre to centre, so they never hide a node's text.
  const rim = (id: NodeId) => (run.replicas.includes(id) ? layout.nodeRadius + 4 : 24);
  const ends = (m: MessageRecord) => {
    const a = pos(m.from);
    const b = pos(m.to);
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const fa = rim(m.from) / len;
    const fb = 1 - rim(m.to) / len;
    return [along(a, b, fa), along(a, b, fb)] as const;
  };
  const marks = [...inFlight, ...recentDrops].map((m) => messageMark(m, time, ...ends(m), reducedMotion)).filter((m) => m !== null);
  // Words on messages only while few are in flight, and never piled on one another.
  const wordsShown = marks.length <= MAX_LABELLED_MESSAGES ? labelledMessages(marks.map((m) => m.at), marks.map((m) => messageWordWidth(m.message))) : marks.map(() => false);

  function toSvgPoint(e: PointerEvent<SVGSVGElement>): Point {
    const svg = svgRef.current!;
    const box = svg.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * layout.width, y: ((e.clientY - box.top) / box.height) * layout.height };
  }

  function finishDrag() {
    if (!drag) return;
    const { from, to } = drag;
    setDrag(null);
    const side = (p: Point) => (to.x - from.x) * (p.y - from.y) - (to.y - from.y) * (p.x - from.x);
    const left: NodeId[] = [];
    const right: NodeId[] = [];
    for (const [id, p] of layout.positions) (side(p) < 0 ? left : right).push(id);
    onPartitionDrawn(left.length > 0 && right.length > 0 ? [left, right] : null);
  }

  const primaryKey = model.keys[0];
  const quorums = showQuorums ? ringedQuorums(model.ops, (k) => run.sim.preferenceList(k)) : null;
  const setRef = (el: SVGSVGElement | null) => {
    svgRef.current = el;
    if (typeof ref === 'function') ref(el);
    else if (ref) (ref as { current: SVGSVGElement | null }).current = el;
  };

  return (
    <div
      ref={box}
      className="cluster-box"
      style={{ height: fitted.height }}
      role="group"
      aria-label={`Cluster at ${(time / 1000).toFixed(2)} s: ${run.replicas.length} replicas, ${run.clients.length} clients, ${inFlight.length} messages in flight`}
    >
    <svg
      ref={setRef}
      className={`cluster-view${drawingPartition ? ' drawing' : ''}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      data-export-name="cluster"
      onPointerDown={(e) => {
        if (!drawingPartition) return;
        const p = toSvgPoint(e);
        setDrag({ from: p, to: p });
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => drag && setDrag({ from: drag.from, to: toSvgPoint(e) })}
      onPointerUp={finishDrag}
    >
      <style>{CLUSTER_SVG_STYLE}</style>
      <defs>
        {GROUP_FILLS.map((fill, i) => (
          <pattern key={i} id={`group-${i}`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform={`rotate(${i * 45})`}>
            <rect width="8" height="8" fill={fill} />
            {i > 0 && <line x1="0" y1="0" x2="0" y2="8" stroke="#00000022" strokeWidth="3" />}
          </pattern>
        ))}
      </defs>
      <g className="links">
        {pairs.map(([a, b]) => {
          const ab = model.moment.cuts.has(`${a}>${b}`);
          const ba = model.moment.cuts.has(`${b}>${a}`);
          const selected = selection?.kind === 'link' && ((selection.a === a && selection.b === b) || (selection.a === b && selection.b === a));
          const pa = pos(a);
          const pb = pos(b);
          return (
            <g
              key={`${a}-${b}`}
              className={`link${ab || ba ? ' cut' : ''}${selected ? ' selected' : ''}`}
              // Pointer users pick links here; keyboard users cut and heal from the Network faults panel.
              role="button"
              tabIndex={-1}
              aria-label={`Link ${a}–${b}: ${ab && ba ? 'cut both ways' : ab ? `${a}→${b} cut` : ba ? `${b}→${a} cut` : 'open'}`}
              onClick={() => store.getState().select({ kind: 'link', a, b })}
            >
              <line className="hit" x1={pa.x} y1={pa.y} x2={pb.x} y2={pb.y} />
              <line className={ab && ba ? 'wire cut-both' : ab || ba ? 'wire cut-one' : 'wire'} x1={pa.x} y1={pa.y} x2={pb.x} y2={pb.y} />
              {(ab || ba) && !partition?.links.has(a < b ? `${a}-${b}` : `${b}-${a}`) && <CutMark a={pa} b={pb} fromA={ab} fromB={ba} />}
            </g>
          );
        })}
      </g>
      {partition && <PartitionMark partition={partition} />}
      {quorums && <QuorumRings quorums={quorums} pos={pos} radius={layout.nodeRadius} labelAt={(id) => labels.get(id)!.ring} />}
      <g className="nodes">
        {run.replicas.map((id) => (
          <ReplicaNode
            key={id}
            id={id}
            at={pos(id)}
            radius={layout.nodeRadius}
            maxValueWidth={valueRoom(id)}
            cells={model.cells.get(id) ?? []}
            primaryKey={primaryKey}
            down={model.moment.down.has(id)}
            skew={model.moment.skew.get(id) ?? 0}
            selected={selection?.kind === 'node' && selection.id === id}
            highlighted={sameHighlight(highlight, { kind: 'node', id })}
            onSelect={() => store.getState().select({ kind: 'node', id })}
            onHighlight={(on) => store.getState().setHighlight(on ? { kind: 'node', id } : null)}
            {...(quorums ? { quorum: { key: quorums.key, write: quorums.write.includes(id), read: quorums.read.includes(id), standIn: quorums.standIns.includes(id) } } : {})}
            hints={model.hints.get(id) ?? []}
            labelBlock={labels.get(id)!.block}
            labelTag={labels.get(id)!.tag}
          />
        ))}
        {notes &&
          run.replicas.map((id) => {
            const block = labels.get(id)!.block;
            return (
              <text key={`note-${id}`} x={block.x + block.w / 2} y={block.y + 50} className="small replica-note" textAnchor="middle">
                {notes(id, time)}
              </text>
            );
          })}
        {run.clients.map((id) => {
          const p = pos(id);
          const pending = model.ops.filter((o) => o.op.client === id && o.status === 'pending').length;
          const selected = selection?.kind === 'node' && selection.id === id;
          // The client's latest answered read, if it missed an acknowledged write: marked where the client is, as "behind" marks a replica.
          const lastRead = model.ops.findLast((o) => o.op.client === id && o.op.kind === 'read' && o.status === 'ok');
          const stale = lastRead !== undefined && model.staleIds.has(lastRead.op.id) ? lastRead.op : null;
          const staleWords = stale ? `${stale.key} = ${(stale.result as readonly string[] | null)?.join(' | ') || 'nothing'}` : '';
          // The line under the client, where no link crosses it (view/labelPlacement.ts).
          const under = clientLabels.get(id)!;
          const underX = under.x + under.w / 2;
          return (
            <g
              key={id}
              className={`client${selected ? ' selected' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={`Client ${id}: ${pending} operation${pending === 1 ? '' : 's'} waiting${stale ? `; its last read, ${staleWords}, was stale` : ''}`}
              aria-pressed={selected}
              onClick={() => store.getState().select({ kind: 'node', id })}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), store.getState().select({ kind: 'node', id }))}
            >
              {/* Wide enough for a client's name (up to 12 characters, as the scenario schema allows). */}
              <rect x={p.x - clientHalfWidth(id)} y={p.y - 20} width={2 * clientHalfWidth(id)} height="40" rx="8" />
              <text x={p.x} y={p.y + 5} className="client-label">
                {id}
              </text>
              {pending > 0 ? (
                <text x={underX} y={under.y + 15} className="small client-note">
                  {pending} waiting
                </text>
              ) : (
                stale && (
                  <g className="badge stale-badge" transform={`translate(${underX} ${under.y + 1})`} aria-hidden="true">
                    <rect x="-66" y="0" width="132" height="20" rx="10" />
                    <text y="14">stale: {staleWords.length > 12 ? `${staleWords.slice(0, 11)}…` : staleWords}</text>
                  </g>
                )
              )}
            </g>
          );
        })}
      </g>
      {drag && <line className="partition-line" x1={drag.from.x} y1={drag.from.y} x2={drag.to.x} y2={drag.to.y} />}
    </svg>
    {/* Messages move every frame; on a layer of their own the browser repaints only them,
        not the links and nodes beneath. Exported pictures fold this layer back in. */}
    {marks.length > DENSE_MARKS ? (
      <DenseDots marks={marks} width={layout.width} height={layout.height} />
    ) : (
    <svg className="cluster-overlay" viewBox={`0 0 ${layout.width} ${layout.height}`} data-overlay-of="cluster">
      <g className="messages" role="list" aria-label="Messages in flight">
        {marks.map((mark, i) => (
          <MessageDot
            key={mark.message.id}
            message={mark.message}
            at={mark.at}
            dropped={mark.dropped}
            opacity={mark.opacity}
            labelled={wordsShown[i]!}
            highlighted={sameHighlight(highlight, { kind: 'message', id: mark.message.id })}
            onSelect={() => store.getState().select({ kind: 'message', id: mark.message.id })}
            onHighlight={(on) => store.getState().setHighlight(on ? { kind: 'message', id: mark.message.id } : null)}
          />
        ))}
      </g>
    </svg>
    )}
    </div>
  );
}
