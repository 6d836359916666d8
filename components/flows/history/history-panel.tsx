"use client";

import { HistoryIcon, XIcon } from "lucide-react";
import { Dialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import { RunsList } from "./runs-list";
import { VersionsList } from "./versions-list";

/** Runs and versions of the flow, in a panel from the right. */
export function HistoryPanel({ flowId, beforeSave }: { flowId: string; beforeSave: () => Promise<boolean> }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="size-9"
          aria-label="Runs and versions"
          title="Runs and versions"
        >
          <HistoryIcon />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40 data-[state=open]:animate-fade-in" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex h-full w-[min(26rem,100vw)] flex-col gap-6 overflow-y-auto border-l bg-background p-5 shadow-xl outline-none data-[state=open]:animate-slide-in-right">
          <div className="flex items-center justify-between">
            <Dialog.Title className="font-semibold text-lg">Runs and versions</Dialog.Title>
            <Dialog.Close className="rounded-md p-1.5 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
              <XIcon aria-hidden className="size-5" />
              <span className="sr-only">Close</span>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">
            Every run with its cost, and the flow's saved versions.
          </Dialog.Description>
          <section className="flex flex-col gap-3" aria-labelledby="flow-runs-heading">
            <h3 id="flow-runs-heading" className="font-semibold text-sm">
              Runs
            </h3>
            <RunsList flowId={flowId} />
          </section>
          <section className="flex flex-col gap-3" aria-labelledby="flow-versions-heading">
            <h3 id="flow-versions-heading" className="font-semibold text-sm">
              Versions
            </h3>
            <VersionsList flowId={flowId} beforeSave={beforeSave} />
          </section>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
