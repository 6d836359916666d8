"use client";

import { useShallow } from "zustand/react/shallow";
import { priceLine } from "@/components/generations/model-format";
import { handlesOf } from "@/lib/flows/graph";
import { cn } from "@/lib/utils";
import { useCatalog } from "../catalog";
import { ExposeFields } from "../form/expose-fields";
import { KIND_LOOK, toolLook } from "../nodes/node-kinds";
import { fieldClass } from "../nodes/text-node";
import { useFlowStore } from "../store/flow-store-context";
import type { EditorNode } from "../store/types";
import { LlmSettings } from "./llm-settings";
import { ModelParams } from "./model-params";
import { NodeActions } from "./node-actions";

type RunRequest = { targets: string[]; force?: string[] };

/** The selected node's every setting, in a panel floating over the canvas while one node is selected. */
export function Inspector({
  className,
  onRun,
}: {
  className?: string;
  onRun: (request: RunRequest) => void;
}) {
  const selected = useFlowStore(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const only = selected.length === 1 ? selected[0] : undefined;
  if (!only) return null;
  return (
    <aside
      aria-label="Selected node"
      className={cn(
        "absolute top-3 right-3 z-10 flex max-h-[calc(100%-1.5rem)] w-80 flex-col overflow-y-auto rounded-xl border bg-background/95 shadow-xl backdrop-blur",
        className,
      )}
    >
      <NodeInspector key={only} id={only} onRun={onRun} />
    </aside>
  );
}

function NodeInspector({ id, onRun }: { id: string; onRun: (request: RunRequest) => void }) {
  const { byId, rules } = useCatalog();
  const type = useFlowStore((s) => s.nodes.find((n) => n.id === id)?.type);
  const data = useFlowStore((s) => s.nodes.find((n) => n.id === id)?.data);
  const connected = useFlowStore(
    useShallow((s) => s.edges.filter((e) => e.target === id).map((e) => e.targetHandle ?? "")),
  );
  const readOnly = useFlowStore((s) => s.readOnly);
  const update = useFlowStore((s) => s.updateData);
  if (!type || !data) return null;
  const node = { id, type, data } as EditorNode;
  const model = node.type === "generate" || node.type === "llm" ? byId.get(node.data.model ?? "") : undefined;
  const look = { ...KIND_LOOK[type], ...(model ? toolLook(model.tools) : {}) };
  const seeded = node.type === "generate" && (model?.params.some((p) => p.name === "seed") ?? false);
  return (
    <div className="flex flex-col gap-5 p-4">
      <header className="flex items-start gap-3">
        <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-md", look.accent)}>
          <look.icon aria-hidden className="size-4" />
        </span>
        <div className="flex min-w-0 flex-col gap-0.5">
          <h2 className="font-semibold text-base leading-tight">{look.title}</h2>
          {model ? (
            <p className="text-muted-foreground text-xs">
              {model.name} · {priceLine(model.price)}
            </p>
          ) : null}
        </div>
      </header>
      {model ? <p className="text-muted-foreground text-sm">{model.description}</p> : null}
      {node.type === "text" ? (
        <textarea
          aria-label="Text"
          rows={10}
          value={node.data.text}
          readOnly={readOnly}
          className={fieldClass}
          onChange={(event) => update(id, { text: event.target.value }, "text")}
        />
      ) : null}
      {node.type === "generate" && model ? (
        <ModelParams
          nodeId={id}
          model={model}
          params={node.data.params}
          ports={handlesOf(node, rules).inputs}
          connected={new Set(connected)}
          readOnly={readOnly}
          onChange={(params, field) => update(id, { params }, field)}
        />
      ) : null}
      {node.type === "llm" ? <LlmSettings id={id} data={node.data} readOnly={readOnly} /> : null}
      {node.type === "output" ? (
        <p className="text-muted-foreground text-sm">
          Wire results in to collect them. Run with no node selected runs everything that leads to an Output.
        </p>
      ) : null}
      <ExposeFields id={id} />
      <NodeActions
        id={id}
        runnable={node.type === "generate" || node.type === "llm" || node.type === "output"}
        seeded={seeded}
        onRun={onRun}
        onNewSeed={() => {
          if (node.type !== "generate") return;
          update(id, { params: { ...node.data.params, seed: Math.floor(Math.random() * 2_147_483_647) } });
        }}
      />
    </div>
  );
}
