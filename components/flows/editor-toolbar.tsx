"use client";

import { useReactFlow } from "@xyflow/react";
import {
  ArrowLeftIcon,
  MaximizeIcon,
  PlayCircleIcon,
  Redo2Icon,
  Undo2Icon,
  WorkflowIcon,
} from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FlowName } from "./flow-name";
import { SaveIndicator } from "./save-indicator";
import { ShortcutsHelp } from "./shortcuts-help";
import { useFlowStore } from "./store/flow-store-context";
import type { SaveStatus } from "./use-autosave";

/** The editor's top bar: back, name, saved state, editing tools, the form, history and Run. */
export function EditorToolbar({
  flowId,
  name,
  save,
  helpOpen,
  onHelpOpenChange,
  onLayout,
  form,
  history,
  run,
}: {
  flowId: string;
  name: string;
  save: { status: SaveStatus; error: string | null; rename: (name: string) => Promise<boolean> };
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
  onLayout: () => void;
  form: ReactNode;
  history: ReactNode;
  run: ReactNode;
}) {
  const flow = useReactFlow();
  const readOnly = useFlowStore((s) => s.readOnly);
  const canUndo = useFlowStore((s) => s.history.past.length > 0);
  const canRedo = useFlowStore((s) => s.history.future.length > 0);
  const undo = useFlowStore((s) => s.undo);
  const redo = useFlowStore((s) => s.redo);
  return (
    <div className="flex h-12 shrink-0 items-center gap-1 border-b bg-background px-2 sm:gap-2 sm:px-3">
      <Button asChild variant="ghost" size="icon" className="size-9">
        <Link href="/flows" aria-label="All flows" title="All flows">
          <ArrowLeftIcon />
        </Link>
      </Button>
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <FlowName name={name} readOnly={readOnly} onRename={save.rename} />
        {readOnly ? null : <SaveIndicator status={save.status} error={save.error} />}
      </div>
      <div className="flex items-center gap-0.5">
        {readOnly ? null : (
          <div className="hidden items-center gap-0.5 md:flex">
            <Button
              variant="ghost"
              size="icon"
              className="size-9"
              onClick={undo}
              disabled={!canUndo}
              aria-label="Undo"
              title="Undo"
            >
              <Undo2Icon />
            </Button>
            <Button
              variant="ghost"
              size="icon"
              className="size-9"
              onClick={redo}
              disabled={!canRedo}
              aria-label="Redo"
              title="Redo"
            >
              <Redo2Icon />
            </Button>
            <span aria-hidden className="mx-1 h-5 w-px bg-border" />
            <Button
              variant="ghost"
              size="icon"
              className="size-9"
              onClick={onLayout}
              aria-label="Tidy up"
              title="Tidy up (auto-layout)"
            >
              <WorkflowIcon />
            </Button>
          </div>
        )}
        <Button
          variant="ghost"
          size="icon"
          className="size-9 max-md:hidden"
          onClick={() => void flow.fitView({ padding: 0.2, duration: 200, maxZoom: 1 })}
          aria-label="Fit to view"
          title="Fit to view"
        >
          <MaximizeIcon />
        </Button>
        <span className="hidden md:inline-flex">
          <ShortcutsHelp open={helpOpen} onOpenChange={onHelpOpenChange} />
        </span>
        <span className="hidden md:inline-flex">{form}</span>
        <Button asChild variant="ghost" size="icon" className="size-9">
          <Link href={`/flows/${flowId}/run`} aria-label="Simple form" title="Run it from its simple form">
            <PlayCircleIcon />
          </Link>
        </Button>
        {history}
      </div>
      {run}
    </div>
  );
}
