"use client";

import { useShallow } from "zustand/react/shallow";
import { estimateCredits, providerLabel } from "@/components/generations/model-format";
import { topologicalOrder } from "@/lib/flows/graph";
import { DEFAULT_TEXT_MODEL } from "@/lib/flows/llm-step";
import { cn } from "@/lib/utils";
import { useCatalog } from "./catalog";
import { KIND_LOOK, toolLook } from "./nodes/node-kinds";
import { OutputGallery } from "./nodes/output-gallery";
import { PriceBadge } from "./nodes/price-badge";
import { RunFooter } from "./nodes/run-footer";
import { fieldClass } from "./nodes/text-node";
import { useImagePreview } from "./nodes/use-image-preview";
import { useFlowStore } from "./store/flow-store-context";
import type { EditorNode, EditorNodeOf } from "./store/types";

/**
 * The flow as a list of steps in the order they run: how a phone shows it, where a canvas is
 * too small to read. Text stays editable; everything else is viewed and run from here.
 */
export function StepsView({ className }: { className?: string }) {
  const order = useFlowStore(
    useShallow((s) => {
      const sorted = topologicalOrder({ nodes: s.nodes, edges: s.edges });
      return "order" in sorted ? sorted.order : s.nodes.map((n) => n.id);
    }),
  );
  return (
    <ol aria-label="Steps" className={cn("flex flex-col gap-3 overflow-y-auto bg-muted/30 p-3", className)}>
      {order.length === 0 ? (
        <li className="p-6 text-center text-muted-foreground text-sm">
          This flow is empty. Add nodes on a larger screen.
        </li>
      ) : (
        order.map((id, index) => <Step key={id} id={id} index={index + 1} />)
      )}
    </ol>
  );
}

function Step({ id, index }: { id: string; index: number }) {
  const { byId } = useCatalog();
  // Type and data only: a step does not care where its node sits on the canvas.
  const type = useFlowStore((s) => s.nodes.find((n) => n.id === id)?.type);
  const data = useFlowStore((s) => s.nodes.find((n) => n.id === id)?.data);
  const update = useFlowStore((s) => s.updateData);
  const readOnly = useFlowStore((s) => s.readOnly);
  if (!type || !data) return null;
  const node = { id, type, data } as EditorNode;
  const model =
    node.type === "generate" || node.type === "llm"
      ? byId.get(node.data.model ?? (node.type === "llm" ? DEFAULT_TEXT_MODEL : ""))
      : undefined;
  const look = { ...KIND_LOOK[node.type], ...(model ? toolLook(model.tools) : {}) };
  return (
    <li
      className="shrink-0 overflow-hidden rounded-xl border bg-card shadow-xs"
      data-testid="flow-step"
      data-node-id={id}
    >
      <div className="flex items-center gap-2.5 px-3 py-2.5">
        <span className="w-5 shrink-0 text-center font-medium text-muted-foreground text-xs tabular-nums">
          {index}
        </span>
        <span className={cn("flex size-7 shrink-0 items-center justify-center rounded-md", look.accent)}>
          <look.icon aria-hidden className="size-4" />
        </span>
        <div className="flex min-w-0 flex-1 flex-col">
          <span className="truncate font-medium text-sm">{node.data.label || look.title}</span>
          {model ? (
            <span className="truncate text-muted-foreground text-xs">
              {model.name} · {providerLabel(model.provider)}
            </span>
          ) : null}
        </div>
        {node.type === "generate" ? (
          <PriceBadge id={id} listPrice={model ? estimateCredits(model, node.data.params) : null} />
        ) : node.type === "llm" ? (
          <PriceBadge id={id} listPrice={model ? estimateCredits(model, {}) : null} />
        ) : null}
      </div>
      {node.type === "text" ? (
        <div className="px-3 pb-3">
          <textarea
            aria-label={`Text of step ${index}`}
            rows={3}
            value={node.data.text}
            readOnly={readOnly}
            className={fieldClass}
            onChange={(event) => update(id, { text: event.target.value }, "text")}
          />
        </div>
      ) : null}
      {node.type === "image" ? <StepImage data={node.data} /> : null}
      {node.type === "output" ? (
        <div className="px-3 pb-3">
          <OutputGallery id={id} />
        </div>
      ) : null}
      <RunFooter id={id} showOutput={node.type !== "output"} thumbClassName="max-w-60" />
    </li>
  );
}

function StepImage({ data }: { data: EditorNodeOf<"image">["data"] }) {
  const preview = useImagePreview(data);
  if (!preview) return null;
  return (
    <div className="px-3 pb-3">
      {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
      <img
        src={preview}
        alt={data.label ?? "Input image"}
        className="max-h-48 rounded-md border object-contain"
      />
    </div>
  );
}
