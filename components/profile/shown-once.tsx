"use client";

import { KeyRoundIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** A secret that will never be shown again: the value, a copy button and a way to dismiss it. */
export function ShownOnce({ title, value, onDone }: { title: string; value: string; onDone: () => void }) {
  return (
    <section
      aria-label={title}
      className="flex flex-col gap-3 rounded-lg border border-brand/40 bg-brand/5 p-4"
    >
      <div className="flex items-start gap-2">
        <KeyRoundIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-brand" />
        <div className="flex flex-col gap-1">
          <h3 className="font-medium text-sm">{title}</h3>
          <p className="text-muted-foreground text-sm">
            Copy it now and keep it somewhere safe: it is shown only this once.
          </p>
        </div>
      </div>
      <code
        data-testid="shown-once-value"
        className="block select-all break-all rounded-md border bg-background px-3 py-2 font-mono text-sm"
      >
        {value}
      </code>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={value} aria-label={`Copy ${title.toLowerCase()}`} />
        <Button variant="ghost" size="sm" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </section>
  );
}
