"use client";

import { FolderTreeIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useUser } from "@/contexts/user-context";
import { useCurrentSession } from "./current-session";
import { useSessions } from "./use-sessions";

/**
 * Which session the create page works in, with a way to start a fresh one. `chosen` (from
 * ?session=) makes a session current, e.g. when arriving from the session's own page.
 */
export function CurrentSessionBar({ chosen }: { chosen?: string }) {
  const userId = useUser()?.id ?? null;
  const current = useCurrentSession();
  const sessions = useSessions();
  useEffect(() => {
    if (chosen) useCurrentSession.getState().choose(chosen, userId);
  }, [chosen, userId]);
  const id = current.owner === userId ? current.id : null;
  const session = id ? sessions.data?.items.find((s) => s.id === id) : undefined;
  return (
    <div
      className="mb-6 flex flex-wrap items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm"
      data-testid="current-session"
    >
      <FolderTreeIcon aria-hidden className="size-4 text-muted-foreground" />
      {session ? (
        <>
          <span className="text-muted-foreground">Working in</span>
          <Link href={`/workspaces/${session.id}`} className="font-medium underline-offset-4 hover:underline">
            {session.title}
          </Link>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={() => current.choose(null, userId)}>
            <PlusIcon aria-hidden /> New session
          </Button>
        </>
      ) : (
        <span className="min-w-0 flex-1 text-muted-foreground">
          Your next generation starts a new session, named after its prompt.
        </span>
      )}
    </div>
  );
}
