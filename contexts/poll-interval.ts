// How often the generations lists (and a running job's result page) poll. While the live
// channel is up its events bring every change and the poll is only the safety net for a missed
// one: every 30 s. Without it: every second while a job is active and the tab is visible, so a
// start or an end shows within about a second, and every 30 s otherwise (a hidden tab, nothing
// running). An unchanged list answers 304, so a poll costs the session read and no more.
import { type Generation, isActive } from "@/components/generations/types";

export const ACTIVE_POLL_MS = 1_000;
export const IDLE_POLL_MS = 30_000;
export const LIVE_POLL_MS = 30_000;

/** True where there is no document (tests, the server): only a hidden tab slows down. */
export function tabVisible(): boolean {
  return typeof document === "undefined" || document.visibilityState !== "hidden";
}

export function pollInterval(
  items: readonly Pick<Generation, "status">[] | undefined,
  live = false,
  visible = tabVisible(),
): number {
  if (live) return LIVE_POLL_MS;
  return visible && items?.some((item) => isActive(item.status)) ? ACTIVE_POLL_MS : IDLE_POLL_MS;
}
