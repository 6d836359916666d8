"use client";

import { BellIcon, CheckCheckIcon, CircleAlertIcon, CircleCheckIcon, CoinsIcon } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import {
  type NotificationItem,
  useMarkNotificationsRead,
  useNotifications,
} from "@/components/notifications/use-notifications";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { relativeTime } from "./relative-time";

/** The header bell: unread badge, and a menu of recent notifications linking to their results. */
export function NotificationBell() {
  const countId = useId();
  const { data, isPending, isError } = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = data?.unread_count ?? 0;
  const items = data?.items ?? [];

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label="Notifications"
          aria-describedby={unread > 0 ? countId : undefined}
        >
          <BellIcon className="size-5" />
          {unread > 0 ? (
            <span
              aria-hidden
              className="absolute top-1 right-1 grid h-4 min-w-4 place-items-center rounded-full bg-brand px-1 font-semibold text-[10px] text-brand-foreground tabular-nums leading-none"
            >
              {unread > 9 ? "9+" : unread}
            </span>
          ) : null}
          {unread > 0 ? (
            <span id={countId} className="sr-only">
              {unread} unread
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent collisionPadding={12} className="w-[min(24rem,calc(100vw-1.5rem))] p-0">
        <div className="flex items-center justify-between gap-2 px-3 py-2">
          <DropdownMenuLabel className="p-0 font-semibold">Notifications</DropdownMenuLabel>
          {unread > 0 ? (
            <DropdownMenuItem
              className="px-2 py-1 text-xs"
              disabled={markRead.isPending}
              onSelect={(event) => {
                event.preventDefault();
                markRead.mutate(undefined);
              }}
            >
              <CheckCheckIcon /> Mark all read
            </DropdownMenuItem>
          ) : null}
        </div>
        <DropdownMenuSeparator className="mx-0 my-0" />
        <div className="max-h-[min(60vh,28rem)] overflow-y-auto p-1">
          {items.length > 0 ? (
            items.map((item) => (
              <NotificationRow
                key={item.id}
                item={item}
                onOpen={() => !item.read_at && markRead.mutate([item.id])}
              />
            ))
          ) : (
            <p className="px-3 py-6 text-center text-muted-foreground text-sm">
              {isPending
                ? "Loading…"
                : isError
                  ? "Could not load notifications. Try again in a moment."
                  : "Nothing yet. You will hear here when a long job finishes or a job fails."}
            </p>
          )}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const failed = item.kind === "generation_failed";
  const Icon = failed ? CircleAlertIcon : item.kind === "credits_requested" ? CoinsIcon : CircleCheckIcon;
  const content = (
    <>
      <Icon
        aria-hidden
        className={cn(
          "mt-0.5 size-4 shrink-0",
          failed ? "text-destructive!" : item.kind === "credits_requested" ? "text-brand!" : "text-success!",
        )}
      />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className={cn("truncate text-sm", item.read_at ? "font-normal" : "font-semibold")}>
          {item.title}
          {item.read_at ? null : <span className="sr-only"> (unread)</span>}
        </span>
        <span className="line-clamp-2 text-muted-foreground text-xs">{item.body}</span>
        <time dateTime={item.created_at} className="text-muted-foreground text-xs">
          {relativeTime(item.created_at)}
        </time>
      </span>
      {item.read_at ? null : <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-brand" />}
    </>
  );
  const className = "items-start gap-3 px-2 py-2.5";
  if (!item.generation_id) {
    return (
      <DropdownMenuItem className={className} onSelect={onOpen}>
        {content}
      </DropdownMenuItem>
    );
  }
  return (
    <DropdownMenuItem asChild className={className} onSelect={onOpen}>
      <Link href={`/result/${item.generation_id}`}>{content}</Link>
    </DropdownMenuItem>
  );
}
