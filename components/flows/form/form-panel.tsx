"use client";

import { BracesIcon, ListChecksIcon, PlayCircleIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { Dialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import { exposableFields, type FlowGraph, type FlowNode, resolveInputs } from "@/lib/flows/graph";
import { useCatalog } from "../catalog";
import { KIND_LOOK } from "../nodes/node-kinds";
import { useFlowStore } from "../store/flow-store-context";
import { InputRow } from "./input-row";
import { moved } from "./new-input";

/** The flow's inputs as its simple form and the API ask for them: in order, labelled, named. */
export function FormPanel({ flowId }: { flowId: string }) {
  const count = useFlowStore((s) => s.inputs.length);
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="h-9 gap-1.5 px-2"
          title="The flow’s inputs: its simple form"
        >
          <ListChecksIcon aria-hidden />
          <span className="max-lg:sr-only">Form</span>
          {count > 0 ? (
            <span className="rounded bg-muted px-1.5 text-muted-foreground text-xs tabular-nums">
              {count}
            </span>
          ) : null}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40 data-[state=open]:animate-fade-in" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex h-full w-[min(30rem,100vw)] flex-col gap-5 overflow-y-auto border-l bg-background p-5 shadow-xl outline-none data-[state=open]:animate-slide-in-right">
          <div className="flex items-center justify-between">
            <Dialog.Title className="font-semibold text-lg">Form</Dialog.Title>
            <Dialog.Close className="rounded-md p-1.5 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
              <XIcon aria-hidden className="size-5" />
              <span className="sr-only">Close</span>
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-muted-foreground text-sm">
            What the flow asks for when someone runs it from its simple page, or a script through the API.
            Tick a node’s fields under “Ask for in the form” in its settings to add them.
          </Dialog.Description>
          <InputList />
          <div className="mt-auto flex flex-wrap gap-2 border-t pt-4">
            <Button asChild variant="outline" size="sm">
              <Link href={`/flows/${flowId}/run`}>
                <PlayCircleIcon aria-hidden />
                Open the simple form
              </Link>
            </Button>
            <Button asChild variant="ghost" size="sm">
              <a href={`/api/v1/flows/${flowId}/schema`} target="_blank" rel="noreferrer">
                <BracesIcon aria-hidden />
                JSON Schema
              </a>
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function InputList() {
  const { rules } = useCatalog();
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const inputs = useFlowStore((s) => s.inputs);
  const readOnly = useFlowStore((s) => s.readOnly);
  const setInputs = useFlowStore((s) => s.setInputs);
  if (inputs.length === 0)
    return (
      <p className="rounded-lg border border-dashed p-4 text-center text-muted-foreground text-sm">
        The flow asks for nothing yet: runs use the values in its nodes.
      </p>
    );
  const graph = { nodes, edges, inputs } as FlowGraph;
  const resolved = new Map(resolveInputs(graph, rules).inputs.map((input) => [input.id, input]));
  /** Where an input comes from, as people name it: the node's kind and the field's own label. */
  const fromOf = (nodeId: string, field: string) => {
    const node = nodes.find((n) => n.id === nodeId);
    if (!node) return field;
    const own = exposableFields(graph, node as FlowNode, rules).find((f) => f.field === field);
    return `${KIND_LOOK[node.type].title} · ${own?.label ?? field}`;
  };
  return (
    <ol className="flex flex-col gap-3" aria-label="Inputs, in the form’s order">
      {inputs.map((input, place) => {
        const field = resolved.get(input.id) ?? null;
        return (
          <InputRow
            key={`${input.node_id}:${input.field}`}
            input={input}
            field={field}
            place={place}
            count={inputs.length}
            others={inputs.filter((other) => other !== input)}
            from={fromOf(input.node_id, input.field)}
            readOnly={readOnly}
            onChange={(next, typing) =>
              setInputs(
                inputs.map((i) => (i === input ? next : i)),
                typing,
              )
            }
            onMove={(by) => setInputs(moved(inputs, place, by))}
            onRemove={() => setInputs(inputs.filter((i) => i !== input))}
          />
        );
      })}
    </ol>
  );
}
