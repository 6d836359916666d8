"use client";

import { estimateCredits } from "@/components/generations/model-format";
import { DEFAULT_LLM_MODE, DEFAULT_TEXT_MODEL } from "@/lib/flows/llm-step";
import { useCatalog, useNodePorts } from "../catalog";
import { useFlowStore } from "../store/flow-store-context";
import { asNode, type NodeBodyProps } from "./as-node";
import { NodeFrame } from "./node-frame";
import { KIND_LOOK } from "./node-kinds";
import { PriceBadge } from "./price-badge";
import { fieldClass } from "./text-node";

export const LLM_MODES = [
  { value: "enhance", label: "Enhance the prompt" },
  { value: "brainstorm", label: "Brainstorm variations" },
] as const;

export const LlmNode = asNode<"llm">(function LlmNode({ id, data, selected }: NodeBodyProps<"llm">) {
  const update = useFlowStore((s) => s.updateData);
  const readOnly = useFlowStore((s) => s.readOnly);
  const mode = String(data.params.mode ?? DEFAULT_LLM_MODE);
  const instruction = String(data.params.instruction ?? "");
  const ports = useNodePorts("llm", data.model);
  const { byId } = useCatalog();
  const model = byId.get(data.model ?? DEFAULT_TEXT_MODEL);
  return (
    <NodeFrame
      id={id}
      {...KIND_LOOK.llm}
      subtitle={[model?.name ?? data.model, data.pinned ? "pinned" : null].filter(Boolean).join(" · ")}
      ports={ports}
      selected={selected}
      model={data.model}
      badge={<PriceBadge id={id} listPrice={model ? estimateCredits(model, {}) : null} />}
    >
      <select
        aria-label="What the model does"
        value={mode}
        disabled={readOnly}
        onChange={(event) => update(id, { params: { ...data.params, mode: event.target.value } })}
        className="nodrag h-8 w-full rounded-md border border-input bg-background px-2 text-xs shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40"
      >
        {LLM_MODES.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
      <textarea
        aria-label="Instruction"
        value={instruction}
        rows={2}
        readOnly={readOnly}
        placeholder="Optional: a style, a mood, a constraint"
        className={fieldClass}
        onChange={(event) =>
          update(id, { params: { ...data.params, instruction: event.target.value } }, "params.instruction")
        }
      />
    </NodeFrame>
  );
});
