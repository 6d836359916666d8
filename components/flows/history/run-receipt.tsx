"use client";

import { cn } from "@/lib/utils";
import type { RunSummary } from "../api";
import { useCatalog } from "../catalog";
import { KIND_LOOK, toolLook } from "../nodes/node-kinds";
import { RUN_STATUS_LOOK, RunStatusIcon } from "../nodes/run-footer";
import { useFlowStore } from "../store/flow-store-context";

/** One run's cost, node by node: what it was estimated at and what it was charged. */
export function RunReceipt({ run }: { run: RunSummary }) {
  const nodes = useFlowStore((s) => s.nodes);
  const { byId } = useCatalog();
  const nameOf = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    if (!node) return `Node ${id}`;
    if (node.data.label) return node.data.label;
    const model =
      node.type === "generate" || node.type === "llm" ? byId.get(node.data.model ?? "") : undefined;
    if (!model) return KIND_LOOK[node.type].title;
    return toolLook(model.tools).title ?? model.name;
  };
  const priced = run.nodes.filter((n) => n.estimated_credits > 0 || n.credits > 0 || n.reused_from);
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">Cost of this run per node</caption>
      <thead>
        <tr className="text-left text-muted-foreground">
          <th scope="col" className="py-1 font-medium">
            Node
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Estimated
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Charged
          </th>
        </tr>
      </thead>
      <tbody>
        {priced.map((node) => (
          <tr key={node.node_id} className="border-t">
            <td className="py-1.5">
              <span className={cn("flex items-center gap-1.5", RUN_STATUS_LOOK[node.status].className)}>
                <RunStatusIcon status={node.status} className="size-3" />
                <span className="text-foreground">{nameOf(node.node_id)}</span>
                {node.status === "reused" ? <span>(reused)</span> : null}
              </span>
            </td>
            <td className="py-1.5 text-right tabular-nums">{node.estimated_credits}</td>
            <td className="py-1.5 text-right tabular-nums">{node.credits}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t font-semibold">
          <th scope="row" className="py-1.5 text-left">
            Total
          </th>
          <td className="py-1.5 text-right tabular-nums">{run.estimated_credits}</td>
          <td className="py-1.5 text-right tabular-nums">{run.charged_credits}</td>
        </tr>
      </tfoot>
    </table>
  );
}
