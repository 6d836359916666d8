"use client";

import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import type { NodePorts } from "../ports";
import { useFlowStore } from "../store/flow-store-context";
import { PortRow } from "./port-row";
import { RunFooter } from "./run-footer";

const RUN_RING = {
  queued: "",
  running: "ring-2 ring-brand/60",
  reused: "ring-2 ring-success/50",
  done: "ring-2 ring-success/50",
  failed: "ring-2 ring-destructive/60",
  canceled: "",
} as const;

/** The common body of every node: a header with its kind and price, its ports, its fields, its run. */
export function NodeFrame({
  id,
  icon: Icon,
  title,
  subtitle,
  accent,
  ports,
  selected,
  badge,
  children,
  showOutput = true,
  className,
  model,
}: {
  id: string;
  icon: LucideIcon;
  title: string;
  subtitle?: string;
  accent: string;
  ports: NodePorts;
  selected: boolean;
  badge?: ReactNode;
  children?: ReactNode;
  showOutput?: boolean;
  className?: string;
  /** The catalog model of a Generate or LLM node, as `data-model` for tests and styles. */
  model?: string;
}) {
  const readOnly = useFlowStore((s) => s.readOnly);
  const status = useFlowStore((s) => s.run?.nodes[id]?.status);
  return (
    <div
      data-testid="flow-node"
      data-model={model}
      className={cn(
        "flex w-64 flex-col rounded-xl border bg-card text-card-foreground shadow-sm transition-shadow",
        selected ? "border-ring shadow-md ring-2 ring-ring/40" : status && RUN_RING[status],
        className,
      )}
    >
      <div className="flex items-center gap-2 px-3 pt-2.5 pb-2">
        <span className={cn("flex size-6 shrink-0 items-center justify-center rounded-md", accent)}>
          <Icon aria-hidden className="size-3.5" />
        </span>
        <div className="flex min-w-0 flex-col">
          <span className="truncate font-semibold text-sm leading-tight">{title}</span>
          {subtitle ? (
            <span className="truncate text-muted-foreground text-xs leading-tight">{subtitle}</span>
          ) : null}
        </div>
        <span className="ml-auto shrink-0">{badge}</span>
      </div>
      {ports.inputs.length > 0 ? (
        <div className="flex flex-col pb-1">
          {ports.inputs.map((port) => (
            <PortRow key={port.name} port={port} side="in" connectable={!readOnly} />
          ))}
        </div>
      ) : null}
      {children ? <div className="flex flex-col gap-2 px-3 pb-2">{children}</div> : null}
      {ports.outputs.length > 0 ? (
        <div className="flex flex-col pb-2">
          {ports.outputs.map((port) => (
            <PortRow key={port.name} port={port} side="out" connectable={!readOnly} />
          ))}
        </div>
      ) : null}
      <RunFooter id={id} showOutput={showOutput} />
    </div>
  );
}
