"use client";

import { useMemo } from "react";
import type { LiteModel } from "@/lib/models-lite";
import { SessionNode } from "./session-node";
import { buildSessionForest, type TreeNode } from "./session-tree-model";
import type { SessionEdge, SessionGeneration } from "./use-session";

/** The session as a branching timeline: each step under the output it came from. */
export function SessionTree({
  generations,
  edges,
  models,
  onIterate,
}: {
  generations: SessionGeneration[];
  edges: SessionEdge[];
  models: LiteModel[];
  onIterate: (item: SessionGeneration) => void;
}) {
  const forest = useMemo(() => buildSessionForest(generations, edges), [generations, edges]);
  const names = useMemo(() => new Map(models.map((m) => [m.id, m.name])), [models]);
  return (
    <ol aria-label="Generations of this session" className="flex flex-col gap-3" data-testid="session-tree">
      {forest.map((node) => (
        <Branch key={node.item.id} node={node} names={names} onIterate={onIterate} />
      ))}
    </ol>
  );
}

function Branch({
  node,
  names,
  onIterate,
}: {
  node: TreeNode<SessionGeneration>;
  names: Map<string, string>;
  onIterate: (item: SessionGeneration) => void;
}) {
  return (
    <li data-depth={node.depth} data-generation={node.item.id}>
      <SessionNode
        item={node.item}
        modelName={names.get(node.item.model) ?? node.item.model}
        alsoFrom={node.alsoFrom}
        external={node.external}
        onIterate={onIterate}
      />
      {node.children.length ? (
        <ol
          aria-label={`${node.children.length} ${node.children.length === 1 ? "step" : "steps"} from this output`}
          className="mt-3 ml-3 flex flex-col gap-3 border-l-2 border-dashed pl-3 sm:ml-6 sm:pl-5"
        >
          {node.children.map((child) => (
            <Branch key={child.item.id} node={child} names={names} onIterate={onIterate} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
