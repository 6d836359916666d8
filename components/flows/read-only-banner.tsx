"use client";

import { EyeIcon, PencilIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Says that what is shown is a past run or version, and leads back to the editable flow. */
export function ReadOnlyBanner({ flowId, title }: { flowId: string; title: string }) {
  return (
    <div className="flex shrink-0 items-center gap-2 border-b bg-accent/60 px-3 py-1.5 text-sm">
      <EyeIcon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
      <p className="min-w-0 flex-1 truncate">
        <span className="font-medium">{title}</span>
        <span className="text-muted-foreground"> · read-only</span>
      </p>
      <Button asChild variant="outline" size="sm">
        <Link href={`/flows/${flowId}`}>
          <PencilIcon aria-hidden />
          Back to editing
        </Link>
      </Button>
    </div>
  );
}
