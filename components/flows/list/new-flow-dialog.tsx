"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { type FlowTemplate, flowKeys, flowsApi } from "../api";
import { GraphPreview } from "./graph-preview";
import { useFlowActions } from "./use-flow-actions";

/** The starter templates and a blank flow, as cards; `compact` shows them inline (the empty page). */
export function StarterChoices({ onChosen }: { onChosen?: () => void }) {
  const { create } = useFlowActions();
  const [chosen, setChosen] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: flowKeys.templates,
    queryFn: ({ signal }) => flowsApi.templates(signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
  const start = (key: string, template?: FlowTemplate) => {
    setChosen(key);
    create.mutate(template ? { template: template.id } : { name: "Untitled flow" }, { onSuccess: onChosen });
  };
  const busy = (key: string) => create.isPending && chosen === key;
  return (
    <div className="flex flex-col gap-3">
      <ul className="grid gap-3 sm:grid-cols-2">
        <li>
          <ChoiceCard
            title="Blank flow"
            description="Start from an empty canvas."
            busy={busy("blank")}
            disabled={create.isPending}
            onClick={() => start("blank")}
          >
            <PlusIcon aria-hidden className="size-6 text-muted-foreground" />
          </ChoiceCard>
        </li>
        {templates.data?.map((template) => (
          <li key={template.id}>
            <ChoiceCard
              title={template.name}
              description={template.description}
              busy={busy(template.id)}
              disabled={create.isPending}
              onClick={() => start(template.id, template)}
            >
              <GraphPreview graph={template.graph} />
            </ChoiceCard>
          </li>
        ))}
      </ul>
      {templates.isPending ? (
        <p className="flex items-center gap-2 text-muted-foreground text-sm">
          <LoaderCircleIcon aria-hidden className="size-4 animate-spin" />
          Loading templates…
        </p>
      ) : null}
      {create.isError ? (
        <p className="text-destructive text-sm" role="alert">
          {create.error.message}
        </p>
      ) : null}
    </div>
  );
}

function ChoiceCard({
  title,
  description,
  busy,
  disabled,
  onClick,
  children,
}: {
  title: string;
  description: string;
  busy: boolean;
  disabled: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="group flex h-full w-full flex-col overflow-hidden rounded-xl border bg-card text-left shadow-xs outline-none transition-all hover:border-ring/60 hover:shadow-md focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-60"
    >
      <span className="flex h-24 w-full items-center justify-center bg-muted/60 bg-[radial-gradient(circle,var(--color-border)_1px,transparent_1px)] bg-[size:12px_12px]">
        {busy ? (
          <LoaderCircleIcon aria-hidden className="size-6 animate-spin text-muted-foreground" />
        ) : (
          children
        )}
      </span>
      <span className="flex flex-col gap-0.5 p-3">
        <span className="font-medium text-sm">{title}</span>
        <span className="text-muted-foreground text-xs">{description}</span>
      </span>
    </button>
  );
}

export function NewFlowDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="brand">
          <PlusIcon aria-hidden />
          New flow
        </Button>
      </DialogTrigger>
      <DialogContent className="w-[min(44rem,calc(100vw-2rem))]">
        <DialogTitle>New flow</DialogTitle>
        <DialogDescription>Start blank, or from a starter you can change.</DialogDescription>
        <StarterChoices onChosen={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
