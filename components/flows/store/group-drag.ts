// Dragging many nodes at once. React Flow moves each dragged node on every pointer move, which
// re-renders every moved node, every edge touching one and the minimap each frame. When the
// dragged nodes form a rigid group (several nodes, and no edge between one of them and a node
// left behind), every node and every edge among them moves by one and the same offset, so the
// editor can slide them as they are and write the positions once, when the drag ends. Pure.
import type { NodeChange } from "@xyflow/react";

type Point = { x: number; y: number };
type Ends = { source: string; target: string };

/** The nodes a batch of changes drags, or null when it is not (only) a drag in progress. */
export function draggedIds(changes: readonly NodeChange[]): Set<string> | null {
  if (changes.length === 0) return null;
  const ids = new Set<string>();
  for (const change of changes) {
    if (change.type !== "position" || !change.dragging || !change.position) return null;
    ids.add(change.id);
  }
  return ids;
}

/** Several nodes, and every edge touching one of them has both ends among them. */
export function isRigidGroup(ids: ReadonlySet<string>, edges: readonly Ends[]): boolean {
  if (ids.size < 2) return false;
  return edges.every((e) => ids.has(e.source) === ids.has(e.target));
}

/** The edges that move with a rigid group: those inside it. */
export const edgesWithin = (ids: ReadonlySet<string>, edges: readonly (Ends & { id: string })[]) =>
  edges.filter((e) => ids.has(e.source)).map((e) => e.id);

/**
 * How far a drag has moved its group from where it started, read from any one of its nodes
 * (React Flow moves them all by the pointer's offset). Null when a change is not of the group.
 */
export function groupOffset(changes: readonly NodeChange[], start: ReadonlyMap<string, Point>): Point | null {
  const first = changes[0];
  if (first?.type !== "position" || !first.position) return null;
  const from = start.get(first.id);
  if (!from) return null;
  return { x: first.position.x - from.x, y: first.position.y - from.y };
}
