// When a failed delivery is tried again: the waits after attempt 1, 2, … roughly double from
// 5 seconds to 8 hours, so the last of 11 attempts comes about 24 hours after the first (a
// receiver down for a day still gets the event). Up to a fifth is added at random so that
// deliveries that failed together (a receiver's outage) do not all come back in one burst.
const RETRY_DELAYS_SECONDS = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800] as const;

/** Attempts in all: the first and one after each delay. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** Milliseconds to wait after failed attempt `attempt` (1-based), or null when it was the last. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_SECONDS[attempt - 1];
  if (base === undefined) return null;
  return Math.round(base * 1000 * (1 + 0.2 * random()));
}

/** Seconds from the first attempt to the last, without jitter. */
export const RETRY_WINDOW_SECONDS = RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);
