"use client";

import { useNodePorts } from "../catalog";
import { asNode, type NodeBodyProps } from "./as-node";
import { NodeFrame } from "./node-frame";
import { KIND_LOOK } from "./node-kinds";
import { OutputGallery } from "./output-gallery";

export const OutputNode = asNode<"output">(function OutputNode({ id, selected }: NodeBodyProps<"output">) {
  const ports = useNodePorts("output");
  return (
    <NodeFrame id={id} {...KIND_LOOK.output} ports={ports} selected={selected}>
      <OutputGallery id={id} />
    </NodeFrame>
  );
});
