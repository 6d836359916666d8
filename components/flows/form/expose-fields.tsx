"use client";

import { exposableFields, type FlowGraph, type FlowNode } from "@/lib/flows/graph";
import { useCatalog } from "../catalog";
import { useFlowStore } from "../store/flow-store-context";
import { newInput } from "./new-input";

/** In a node's settings: which of its fields the flow asks for when run with just its inputs. */
export function ExposeFields({ id }: { id: string }) {
  const { rules } = useCatalog();
  const node = useFlowStore((s) => s.nodes.find((n) => n.id === id));
  const edges = useFlowStore((s) => s.edges);
  const inputs = useFlowStore((s) => s.inputs);
  const readOnly = useFlowStore((s) => s.readOnly);
  const setInputs = useFlowStore((s) => s.setInputs);
  if (!node) return null;
  const graph = { nodes: [node], edges, inputs } as FlowGraph & { inputs: typeof inputs };
  const fields = exposableFields(graph, node as FlowNode, rules);
  if (fields.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-2.5 rounded-lg border p-3">
      <legend className="px-1 font-medium text-sm">Ask for in the form</legend>
      <p className="text-muted-foreground text-xs">
        Ticked fields are the flow’s inputs on its simple page and in the API; arrange them under Form.
      </p>
      {fields.map((field) => {
        const exposed = inputs.find((i) => i.node_id === id && i.field === field.field);
        const box = `expose-${id}-${field.field}`;
        return (
          <div key={field.field} className="flex items-center gap-2 text-sm">
            <input
              id={box}
              type="checkbox"
              className="size-4 accent-brand"
              checked={exposed !== undefined}
              disabled={readOnly}
              onChange={(event) =>
                setInputs(
                  event.target.checked
                    ? [...inputs, newInput(graph, id, field)]
                    : inputs.filter((i) => i !== exposed),
                )
              }
            />
            {/* Named in full, so it is never mistaken for the setting's own field of that label. */}
            <label htmlFor={box} className="min-w-0 flex-1 truncate">
              <span className="sr-only">Ask for </span>
              {field.label}
              <span className="sr-only"> in the form</span>
            </label>
            {exposed ? (
              <code className="truncate rounded bg-muted px-1.5 py-0.5 text-muted-foreground text-xs">
                {exposed.id}
              </code>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
