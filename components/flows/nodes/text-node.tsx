"use client";

import { useNodePorts } from "../catalog";
import { useFlowStore } from "../store/flow-store-context";
import { asNode, type NodeBodyProps } from "./as-node";
import { NodeFrame } from "./node-frame";
import { KIND_LOOK } from "./node-kinds";

export const fieldClass =
  "nodrag nowheel w-full resize-none rounded-md border border-input bg-background px-2.5 py-2 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 disabled:opacity-70";

export const TextNode = asNode<"text">(function TextNode({ id, data, selected }: NodeBodyProps<"text">) {
  const update = useFlowStore((s) => s.updateData);
  const readOnly = useFlowStore((s) => s.readOnly);
  const ports = useNodePorts("text");
  return (
    <NodeFrame id={id} {...KIND_LOOK.text} ports={ports} selected={selected} showOutput={false}>
      <textarea
        aria-label="Text"
        value={data.text}
        rows={4}
        readOnly={readOnly}
        placeholder="A prompt, or any text"
        className={fieldClass}
        onChange={(event) => update(id, { text: event.target.value }, "text")}
      />
    </NodeFrame>
  );
});
