"use client";

import { BanIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FocusedError } from "./focused-error";
import { RetryAction } from "./retry-action";
import { type GenerationDetail, isActive } from "./types";
import { useCancelGeneration, useDeleteGeneration } from "./use-generation-actions";

/** Try again when failed; cancel while running; delete after an inline confirmation, then back to the history. */
export function ResultActions({ item }: { item: GenerationDetail }) {
  const router = useRouter();
  const cancel = useCancelGeneration();
  const remove = useDeleteGeneration();
  const [confirming, setConfirming] = useState(false);
  const error = cancel.error ?? remove.error;

  return (
    <div className="flex flex-col gap-2">
      {item.status === "failed" ? <RetryAction item={item} /> : null}
      <div className="flex flex-wrap gap-2">
        {isActive(item.status) ? (
          <Button variant="outline" disabled={cancel.isPending} onClick={() => cancel.mutate(item.id)}>
            <BanIcon /> {cancel.isPending ? "Canceling…" : "Cancel"}
          </Button>
        ) : null}
        {confirming ? (
          <>
            <Button
              variant="destructive"
              disabled={remove.isPending}
              onClick={() => remove.mutate(item.id, { onSuccess: () => router.replace("/history") })}
            >
              <Trash2Icon /> {remove.isPending ? "Deleting…" : "Delete for good"}
            </Button>
            <Button variant="ghost" disabled={remove.isPending} onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button variant="ghost" className="text-destructive" onClick={() => setConfirming(true)}>
            <Trash2Icon /> Delete
          </Button>
        )}
      </div>
      {confirming && !remove.isPending ? (
        <p className="text-muted-foreground text-sm" role="status">
          Delete this generation and its files? This cannot be undone.
        </p>
      ) : null}
      <FocusedError error={error} />
    </div>
  );
}
