"use client";

import { ArchiveRestoreIcon, FolderTreeIcon, LocateIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { galleryHref } from "@/components/gallery/gallery-filters";
import { describeBulkResult, useBulkAction } from "@/components/gallery/use-bulk-action";
import type { GenerationDetail } from "@/components/generations/types";
import { useSessions } from "@/components/sessions/use-sessions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { LineageGraph } from "./lineage-graph";

/**
 * Where a result sits: its session (and a way to move it), the gallery, the trash, and its
 * lineage graph.
 */
export function ResultContext({ item }: { item: GenerationDetail }) {
  const sessions = useSessions();
  const bulk = useBulkAction();
  const [message, setMessage] = useState("");
  const session = sessions.data?.items.find((s) => s.id === item.session_id);
  const move = (value: string) =>
    bulk.mutate(
      { action: "move", ids: [item.id], session: value || null },
      { onSuccess: (result, vars) => setMessage(describeBulkResult(vars, result)) },
    );
  return (
    <div className="flex flex-col gap-6 border-t pt-6">
      {item.trashed_at ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm">
          <p className="flex-1">
            This result is in the trash. It will be removed for good when its time there is up.
          </p>
          <Button
            size="sm"
            onClick={() =>
              bulk.mutate(
                { action: "restore", ids: [item.id] },
                { onSuccess: (result, vars) => setMessage(describeBulkResult(vars, result)) },
              )
            }
          >
            <ArchiveRestoreIcon aria-hidden /> Restore
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {item.trashed_at ? null : (
          <Button asChild variant="outline" size="sm">
            <Link href={galleryHref({ to: item.created_at.slice(0, 10), highlight: item.id })}>
              <LocateIcon aria-hidden /> Locate in gallery
            </Link>
          </Button>
        )}
        {session ? (
          <Button asChild variant="outline" size="sm">
            <Link href={`/workspaces/${session.id}`}>
              <FolderTreeIcon aria-hidden /> Open session
            </Link>
          </Button>
        ) : null}
        {/* Label and list wrap together: on a phone they move to a line of their own. */}
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <label htmlFor="result-session" className="text-muted-foreground text-sm">
            Session
          </label>
          <select
            id="result-session"
            className="h-9 min-w-0 max-w-56 rounded-md border bg-background px-2 text-sm"
            value={item.session_id ?? ""}
            onChange={(event) => move(event.target.value)}
            disabled={bulk.isPending || item.trashed_at !== null}
          >
            <option value="">No session</option>
            {sessions.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
            {item.session_id && !session ? <option value={item.session_id}>Current session</option> : null}
          </select>
        </div>
      </div>
      <p role="status" aria-live="polite" className="text-sm empty:hidden">
        {message}
      </p>
      {bulk.error ? <FormMessage>{bulk.error.message}</FormMessage> : null}
      <LineageGraph
        id={item.id}
        thumbnailUrl={item.outputs[0]?.thumbnail_url ?? item.outputs[0]?.url ?? null}
      />
    </div>
  );
}
