// A session's generations as a forest for display: each generation under the one whose output
// it consumed (its first parent within the session), roots in the order they were made.
// A generation with several parents in the session is shown under the first and names the
// others; one whose parent is outside the session (another session, a flow, a tool) is a root
// that links to it. Pure, so it is unit-tested apart from the page.

export type TreeInput = { id: string; created_at: string };
export type TreeEdge = { from: string; to: string; slot: string };

export type TreeNode<T extends TreeInput> = {
  item: T;
  children: TreeNode<T>[];
  /** Further parents in the session beyond the one it is shown under. */
  alsoFrom: string[];
  /** Parents outside the session. */
  external: string[];
  depth: number;
};

export function buildSessionForest<T extends TreeInput>(
  items: readonly T[],
  edges: readonly TreeEdge[],
): TreeNode<T>[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const parents = new Map<string, string[]>();
  for (const edge of edges) {
    if (!byId.has(edge.to) || edge.from === edge.to) continue;
    const list = parents.get(edge.to) ?? [];
    if (!list.includes(edge.from)) list.push(edge.from);
    parents.set(edge.to, list);
  }
  const nodes = new Map<string, TreeNode<T>>(
    items.map((item) => [item.id, { item, children: [], alsoFrom: [], external: [], depth: 0 }]),
  );
  const roots: TreeNode<T>[] = [];
  // In the order they were made: an output exists before anything consumes it, so a parent is
  // always placed first, and an edge that points forward in time (none should) cannot loop.
  const placed = new Set<string>();
  const ordered = [...items].sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0,
  );
  for (const item of ordered) {
    const node = nodes.get(item.id) as TreeNode<T>;
    const all = parents.get(item.id) ?? [];
    const inside = all.filter((id) => placed.has(id));
    node.external = all.filter((id) => !byId.has(id));
    const [first, ...rest] = inside;
    node.alsoFrom = rest;
    const parent = first ? nodes.get(first) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
    placed.add(item.id);
  }
  const setDepth = (node: TreeNode<T>, depth: number) => {
    node.depth = depth;
    for (const child of node.children) setDepth(child, depth + 1);
  };
  for (const root of roots) setDepth(root, 0);
  return roots;
}
