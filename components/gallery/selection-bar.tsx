"use client";

import { ArchiveRestoreIcon, FolderInputIcon, StarIcon, TagIcon, Trash2Icon, XIcon } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useSessions } from "@/components/sessions/use-sessions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DownloadButton } from "./download-form";
import { useSelection } from "./selection-store";
import { type BulkVars, describeBulkResult, useBulkAction } from "./use-bulk-action";

/** What can be done to the selection; fixed to the bottom of the screen while anything is selected. */
export function SelectionBar({
  view,
  onDone,
}: {
  view: "gallery" | "trash";
  onDone: (message: string) => void;
}) {
  const ids = useSelection((s) => s.ids);
  const clear = useSelection((s) => s.clear);
  const bulk = useBulkAction();
  const [panel, setPanel] = useState<"tag" | "move" | null>(null);
  const [tag, setTag] = useState("");
  const sessions = useSessions();
  if (ids.size === 0) return null;
  const list = [...ids];

  const run = (vars: Omit<BulkVars, "ids">) =>
    bulk.mutate(
      { ...vars, ids: list },
      {
        onSuccess: (result, sent) => {
          onDone(describeBulkResult(sent, result));
          setPanel(null);
          if (sent.action === "delete" || sent.action === "restore" || sent.action === "move") clear();
        },
        onError: (error) => onDone(error.message),
      },
    );
  const submitTag = (event: FormEvent, action: "tag" | "untag") => {
    event.preventDefault();
    if (tag.trim()) run({ action, tag });
  };

  return (
    <section
      aria-label="Selection"
      className="fixed inset-x-0 bottom-0 z-40 border-t bg-background/95 px-4 py-3 shadow-lg sm:bottom-4 sm:mx-auto sm:max-w-4xl sm:rounded-xl sm:border"
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-auto font-medium text-sm" aria-live="polite">
          {`${ids.size.toLocaleString("en-US")} selected`}
        </p>
        {view === "trash" ? (
          <Button size="sm" onClick={() => run({ action: "restore" })} disabled={bulk.isPending}>
            <ArchiveRestoreIcon aria-hidden /> Restore
          </Button>
        ) : (
          <>
            <Button
              size="sm"
              variant="outline"
              onClick={() => run({ action: "star" })}
              disabled={bulk.isPending}
            >
              <StarIcon aria-hidden /> Star
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => setPanel(panel === "tag" ? null : "tag")}
              aria-expanded={panel === "tag"}
            >
              <TagIcon aria-hidden /> Tag
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => setPanel(panel === "move" ? null : "move")}
              aria-expanded={panel === "move"}
            >
              <FolderInputIcon aria-hidden /> Move
            </Button>
            <DownloadButton ids={list} />
            <Button
              size="sm"
              variant="destructive"
              onClick={() => run({ action: "delete" })}
              disabled={bulk.isPending}
            >
              <Trash2Icon aria-hidden /> Delete
            </Button>
          </>
        )}
        <Button
          size="icon"
          variant="ghost"
          aria-label="Clear selection"
          title="Clear selection (Esc)"
          onClick={clear}
        >
          <XIcon aria-hidden />
        </Button>
      </div>
      {panel === "tag" ? (
        <form className="mt-3 flex flex-wrap gap-2" onSubmit={(event) => submitTag(event, "tag")}>
          <label htmlFor="bulk-tag" className="sr-only">
            Tag
          </label>
          <Input
            id="bulk-tag"
            value={tag}
            onChange={(event) => setTag(event.target.value)}
            placeholder="Tag, e.g. portfolio"
            maxLength={40}
            className="h-9 w-48 flex-1"
          />
          <Button type="submit" size="sm" disabled={!tag.trim() || bulk.isPending}>
            Add tag
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={!tag.trim() || bulk.isPending}
            onClick={(event) => submitTag(event, "untag")}
          >
            Remove tag
          </Button>
        </form>
      ) : null}
      {panel === "move" ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <label htmlFor="bulk-session" className="text-muted-foreground text-sm">
            Move to
          </label>
          <select
            id="bulk-session"
            className="h-9 flex-1 rounded-md border bg-background px-2 text-sm"
            defaultValue=""
            onChange={(event) => {
              if (event.target.value)
                run({ action: "move", session: event.target.value === "none" ? null : event.target.value });
            }}
          >
            <option value="" disabled>
              Choose a session…
            </option>
            <option value="none">No session</option>
            {sessions.data?.items.map((session) => (
              <option key={session.id} value={session.id}>
                {session.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}
