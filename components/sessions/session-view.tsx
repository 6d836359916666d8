"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArchiveIcon, ArchiveRestoreIcon, ArrowLeftIcon, ImagesIcon } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { useModels } from "@/components/generations/use-models";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useDraft } from "@/components/ui/use-draft";
import { cn } from "@/lib/utils";
import { type IterateFrom, SessionComposer } from "./session-composer";
import { SessionTree } from "./session-tree";
import { type SessionDetail, type SessionGeneration, useSession } from "./use-session";
import { type Session, sessionKeys } from "./use-sessions";
import { useStatusAnnouncement } from "./use-status-announcer";

/** One session: its title, the prompt box, and every generation as a branching tree. */
export function SessionView({ initial }: { initial: SessionDetail }) {
  const session = useSession(initial.id, initial);
  const data = session.data ?? initial;
  const models = useModels();
  const [from, setFrom] = useState<IterateFrom | null>(null);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const announcement = useStatusAnnouncement(data.generations);

  const iterate = (item: SessionGeneration) => {
    const output = item.outputs[0];
    if (!output) return;
    setFrom({ id: item.id, imageUrl: output.url, thumbnailUrl: output.thumbnail_url, prompt: item.prompt });
    promptRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
    promptRef.current?.focus({ preventScroll: true });
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Button asChild variant="ghost" size="sm" className="-ml-3 h-10 w-fit">
          <Link href="/workspaces">
            <ArrowLeftIcon aria-hidden /> Workspaces
          </Link>
        </Button>
        <TitleEditor session={data} />
        <div className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm">
          <span>{`${data.count} ${data.count === 1 ? "generation" : "generations"}`}</span>
          <Button asChild variant="outline" size="sm">
            <Link href={`/history?session=${data.id}`}>
              <ImagesIcon aria-hidden /> Open in gallery
            </Link>
          </Button>
          <ArchiveButton session={data} />
        </div>
      </div>
      <SessionComposer
        sessionId={data.id}
        from={from}
        onClearFrom={() => setFrom(null)}
        promptRef={promptRef}
      />
      <p role="status" aria-live="polite" className="sr-only" data-testid="session-announcer">
        {announcement}
      </p>
      {session.error ? <FormMessage>{session.error.message}</FormMessage> : null}
      {data.generations.length === 0 ? (
        <p className="rounded-xl border border-dashed px-6 py-12 text-center text-muted-foreground text-sm">
          Nothing here yet: write a prompt above to make the first step of this session.
        </p>
      ) : (
        <SessionTree
          generations={data.generations}
          edges={data.edges}
          models={models.data ?? []}
          onIterate={iterate}
        />
      )}
    </div>
  );
}

function useUpdateSession(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (json: { title?: string; archived?: boolean }) =>
      fetchJson<Session>(`/api/sessions/${id}`, { method: "PATCH", json }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

function TitleEditor({ session }: { session: Session }) {
  const [title, setTitle] = useDraft(session.title);
  const update = useUpdateSession(session.id);
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (title.trim() && title.trim() !== session.title) update.mutate({ title });
  };
  return (
    <form onSubmit={save} className="flex flex-col gap-1">
      <h1 className="sr-only">{session.title}</h1>
      <label htmlFor="session-title" className="sr-only">
        Session title
      </label>
      {/* A text area that grows with the title, so a long one wraps on a phone instead of hiding
          its end; Enter saves, as in a one-line field. */}
      <textarea
        id="session-title"
        value={title}
        rows={1}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value.replace(/\n/g, " "))}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          event.currentTarget.blur();
        }}
        onBlur={() => save()}
        className={cn(
          "w-full min-w-0 resize-none rounded-md border border-transparent bg-transparent px-0 py-1 font-semibold text-2xl outline-none transition-[color,box-shadow] [field-sizing:content]",
          "hover:border-input focus-visible:border-ring focus-visible:px-2 focus-visible:ring-[3px] focus-visible:ring-ring/40",
        )}
      />
      {update.error ? <FormMessage>{update.error.message}</FormMessage> : null}
    </form>
  );
}

function ArchiveButton({ session }: { session: Session }) {
  const update = useUpdateSession(session.id);
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => update.mutate({ archived: !session.archived })}
      disabled={update.isPending}
    >
      {session.archived ? <ArchiveRestoreIcon aria-hidden /> : <ArchiveIcon aria-hidden />}
      {session.archived ? "Unarchive" : "Archive"}
    </Button>
  );
}
