"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  ArchiveIcon,
  ArchiveRestoreIcon,
  FolderOpenIcon,
  ImageIcon,
  PlusIcon,
  SearchIcon,
} from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { relativeTime } from "@/components/notifications/relative-time";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { type Session, sessionKeys, useSessions } from "./use-sessions";

const SORTS = [
  { value: "recent", label: "Last activity" },
  { value: "created", label: "Newest" },
  { value: "title", label: "Title" },
];

/** Every session as a card: cover, title, how many generations, when it was last worked in. */
export function SessionsView() {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState("recent");
  const [archived, setArchived] = useState(false);
  const search = new URLSearchParams({ sort, archived: String(archived), limit: "200" });
  if (q.trim()) search.set("q", q.trim());
  const sessions = useSessions(search.toString());
  const router = useRouter();
  const client = useQueryClient();
  const create = useMutation({
    // No title: the first prompt made in it names it.
    mutationFn: () => fetchJson<Session>("/api/sessions", { method: "POST", json: {} }),
    onSuccess: (session) => {
      void client.invalidateQueries({ queryKey: sessionKeys.all });
      router.push(`/workspaces/${session.id}`);
    },
  });
  const archive = useMutation({
    mutationFn: (vars: { id: string; archived: boolean }) =>
      fetchJson<Session>(`/api/sessions/${vars.id}`, { method: "PATCH", json: { archived: vars.archived } }),
    onSettled: () => client.invalidateQueries({ queryKey: sessionKeys.all }),
  });

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end gap-2">
        <search className="min-w-48 flex-1">
          <label htmlFor="session-search" className="sr-only">
            Search sessions
          </label>
          <div className="relative">
            <SearchIcon
              aria-hidden
              className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-3 size-4 text-muted-foreground"
            />
            <Input
              id="session-search"
              type="search"
              placeholder="Search sessions"
              value={q}
              onChange={(event) => setQ(event.target.value)}
              className="pl-9"
            />
          </div>
        </search>
        <label className="flex flex-col gap-1 text-muted-foreground text-xs">
          Sort by
          <select
            className="h-10 rounded-md border bg-background px-2 text-foreground text-sm"
            value={sort}
            onChange={(e) => setSort(e.target.value)}
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant={archived ? "secondary" : "outline"}
          aria-pressed={archived}
          onClick={() => setArchived(!archived)}
        >
          <ArchiveIcon aria-hidden /> Archived
        </Button>
        <Button variant="brand" onClick={() => create.mutate()} disabled={create.isPending}>
          <PlusIcon aria-hidden /> New session
        </Button>
      </div>
      {create.error ? <FormMessage>{create.error.message}</FormMessage> : null}
      {archive.error ? <FormMessage>{archive.error.message}</FormMessage> : null}
      {sessions.error ? <FormMessage>{sessions.error.message}</FormMessage> : null}
      {sessions.isPending ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-4" aria-busy="true">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
            <Skeleton key={i} className="aspect-[4/5] rounded-xl" />
          ))}
        </div>
      ) : sessions.data?.items.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-16 text-center">
          <FolderOpenIcon aria-hidden className="size-8 text-muted-foreground" />
          <p className="font-medium">
            {q ? `No sessions match “${q}”.` : archived ? "No archived sessions." : "No sessions yet"}
          </p>
          {!q && !archived ? (
            <p className="max-w-sm text-muted-foreground text-sm">
              A session starts with your first generation and keeps every step you take from it.
            </p>
          ) : null}
        </div>
      ) : (
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-4" aria-label="Sessions">
          {sessions.data?.items.map((session) => (
            <li key={session.id}>
              <SessionCard
                session={session}
                onArchive={(value) => archive.mutate({ id: session.id, archived: value })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SessionCard({ session, onArchive }: { session: Session; onArchive: (archived: boolean) => void }) {
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border bg-card">
      <div className="aspect-square bg-muted">
        {session.cover_url ? (
          // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
          <img
            src={session.cover_url}
            alt=""
            loading="lazy"
            decoding="async"
            className="size-full object-cover"
          />
        ) : (
          <div className="flex size-full items-center justify-center text-muted-foreground">
            <ImageIcon aria-hidden className="size-8" />
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h2 className="line-clamp-2 font-medium text-sm leading-snug">
          <Link
            href={`/workspaces/${session.id}`}
            className="outline-none after:absolute after:inset-0 focus-visible:underline"
          >
            {session.title}
          </Link>
        </h2>
        <p className="mt-auto text-muted-foreground text-xs">
          {`${session.count} ${session.count === 1 ? "generation" : "generations"} · ${relativeTime(session.last_activity_at)}`}
        </p>
      </div>
      <Button
        size="icon"
        variant="secondary"
        className="absolute top-2 right-2 z-10 rounded-full bg-background/90 opacity-0 shadow transition-opacity focus-visible:opacity-100 group-hover:opacity-100 pointer-coarse:opacity-100"
        aria-label={session.archived ? `Unarchive ${session.title}` : `Archive ${session.title}`}
        title={session.archived ? "Unarchive" : "Archive"}
        onClick={() => onArchive(!session.archived)}
      >
        {session.archived ? <ArchiveRestoreIcon aria-hidden /> : <ArchiveIcon aria-hidden />}
      </Button>
    </article>
  );
}
