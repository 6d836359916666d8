// Copy and paste of a selection: the selected nodes and the edges between them, pasted with
// fresh ids, shifted so the copy never hides the original, and selected on their own.
import type { EditorEdge, EditorNode } from "./types";

export type Clip = { nodes: EditorNode[]; edges: EditorEdge[] };

export const PASTE_OFFSET = 40;

export function copySelection(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): Clip | null {
  const picked = nodes.filter((node) => node.selected);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((node) => node.id));
  return {
    nodes: picked.map((node) => structuredClone(strip(node))),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map((edge) => ({ ...edge })),
  };
}

/** The clip as new nodes and edges; `times` is how many pastes came before (each shifts further). */
export function pasteClip(clip: Clip, newId: () => string, times = 1): Clip {
  const ids = new Map(clip.nodes.map((node) => [node.id, newId()]));
  const shift = PASTE_OFFSET * times;
  const nodes = clip.nodes.map(
    (node) =>
      ({
        ...structuredClone(node),
        id: ids.get(node.id) as string,
        position: { x: node.position.x + shift, y: node.position.y + shift },
        selected: true,
      }) as EditorNode,
  );
  const edges = clip.edges.map((edge) => {
    const source = ids.get(edge.source) as string;
    const target = ids.get(edge.target) as string;
    return { ...edge, id: edgeId(source, edge.sourceHandle, target, edge.targetHandle), source, target };
  });
  return { nodes, edges };
}

export function edgeId(
  source: string,
  sourceHandle: string | null | undefined,
  target: string,
  targetHandle: string | null | undefined,
): string {
  return `e-${source}.${sourceHandle ?? "out"}-${target}.${targetHandle ?? "in"}`;
}

/** Only what the graph is made of: React Flow's measurements and flags are recomputed on paste. */
function strip(node: EditorNode): EditorNode {
  const { id, type, position, data } = node;
  return { id, type, position, data } as EditorNode;
}
