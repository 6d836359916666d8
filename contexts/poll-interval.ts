// How often the generations lists poll. Without a live channel: every 5 s while a job is
// queued or processing, every 60 s when idle. With one, its events trigger the refetches and
// the poll is only the safety net for a missed event: never more often than every 30 s.
import { type Generation, isActive } from "@/components/generations/types";

export const ACTIVE_POLL_MS = 5_000;
export const IDLE_POLL_MS = 60_000;
export const LIVE_POLL_MS = 30_000;

export function pollInterval(items: readonly Generation[] | undefined, live = false): number {
  const usual = items?.some((item) => isActive(item.status)) ? ACTIVE_POLL_MS : IDLE_POLL_MS;
  return live ? Math.max(usual, LIVE_POLL_MS) : usual;
}
