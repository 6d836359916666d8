"use client";

import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { cn } from "@/lib/utils";
import { useCatalog } from "./catalog";
import { type PaletteItem, paletteItems } from "./palette-items";
import { useFlowStore } from "./store/flow-store-context";
import type { EditorNode } from "./store/types";

export const PALETTE_MIME = "application/x-atelier-node";

/** A node placed where it was dropped, or (click, Enter, tap) in the middle of the view. */
export function usePlaceNode() {
  const addNode = useFlowStore((s) => s.addNode);
  const flow = useReactFlow();
  return (item: PaletteItem, at?: { x: number; y: number }) => {
    const position = at ?? centreOfView(flow);
    addNode({ id: crypto.randomUUID().slice(0, 8), position, ...item.create() } as EditorNode);
  };
}

function centreOfView(flow: ReturnType<typeof useReactFlow>) {
  const pane = document.querySelector(".react-flow__pane")?.getBoundingClientRect();
  const centre = pane
    ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }
    : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  const point = flow.screenToFlowPosition(centre);
  // A little jitter so nodes added one after another do not stack exactly.
  return {
    x: point.x - 128 + Math.round(Math.random() * 40),
    y: point.y - 80 + Math.round(Math.random() * 40),
  };
}

/** The node palette: drag an item onto the canvas, or activate it to add it in the middle. */
export function Palette({ className }: { className?: string }) {
  const { models } = useCatalog();
  const readOnly = useFlowStore((s) => s.readOnly);
  const place = usePlaceNode();
  const items = useMemo(() => paletteItems(models), [models]);
  const groups = new Map<string, PaletteItem[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  if (readOnly) return null;
  return (
    <aside
      aria-label="Nodes"
      className={cn(
        "flex w-60 shrink-0 flex-col gap-4 overflow-y-auto border-r bg-background p-3",
        className,
      )}
    >
      <p className="px-1 text-muted-foreground text-xs">Drag onto the canvas, or click to add.</p>
      {[...groups].map(([group, list]) => (
        <section key={group} className="flex flex-col gap-1">
          <h2 className="px-1 font-medium text-muted-foreground text-xs uppercase tracking-wide">{group}</h2>
          <ul className="flex flex-col gap-1">
            {list.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  draggable
                  data-testid={`palette-${item.key}`}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_MIME, item.key);
                    event.dataTransfer.effectAllowed = "copy";
                  }}
                  onClick={() => place(item)}
                  className="flex w-full cursor-grab items-center gap-2.5 rounded-lg border border-transparent px-2 py-1.5 text-left outline-none transition-colors hover:border-border hover:bg-accent/60 focus-visible:ring-[3px] focus-visible:ring-ring/50 active:cursor-grabbing"
                >
                  <span
                    className={cn("flex size-7 shrink-0 items-center justify-center rounded-md", item.accent)}
                  >
                    <item.icon aria-hidden className="size-4" />
                  </span>
                  <span className="flex min-w-0 flex-col">
                    <span className="truncate font-medium text-sm">{item.label}</span>
                    <span className="truncate text-muted-foreground text-xs">{item.description}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
