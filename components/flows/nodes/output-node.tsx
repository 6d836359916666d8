"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useNodePorts } from "../catalog";
import type { EditorNodeOf } from "../store/types";
import { NodeFrame } from "./node-frame";
import { KIND_LOOK } from "./node-kinds";
import { OutputGallery } from "./output-gallery";

export const OutputNode = memo(function OutputNode({ id, selected }: NodeProps<EditorNodeOf<"output">>) {
  const ports = useNodePorts("output");
  return (
    <NodeFrame id={id} {...KIND_LOOK.output} ports={ports} selected={selected}>
      <OutputGallery id={id} />
    </NodeFrame>
  );
});
