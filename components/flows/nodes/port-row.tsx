"use client";

import { Handle, Position } from "@xyflow/react";
import { cn } from "@/lib/utils";
import type { Port, PortType } from "../ports";

export const PORT_DOT: Record<PortType, string> = {
  text: "!bg-sky-500",
  image: "!bg-amber-500",
  video: "!bg-violet-500",
};

/** One labelled port: the handle sits on the node's edge, level with its label. */
export function PortRow({
  port,
  side,
  connectable,
}: {
  port: Port;
  side: "in" | "out";
  connectable: boolean;
}) {
  const input = side === "in";
  return (
    <div
      className={cn(
        "relative flex h-6 items-center px-3 text-muted-foreground text-xs",
        input ? "justify-start" : "justify-end",
      )}
    >
      <Handle
        id={port.name}
        type={input ? "target" : "source"}
        position={input ? Position.Left : Position.Right}
        isConnectable={connectable}
        data-port-type={port.type}
        title={`${port.label} ${input ? "input" : "output"}: ${port.type}`}
        className={cn(
          "!size-3.5 !border-2 !border-background shadow-sm",
          // A larger invisible target for fingers; the visible dot stays small.
          "before:-inset-2.5 before:absolute before:content-['']",
          PORT_DOT[port.type],
        )}
      />
      <span>
        {port.label}
        {input && port.required ? <span aria-hidden> *</span> : null}
      </span>
    </div>
  );
}
