// Reads a notification from the `atelier_live` channel (supabase/migrations/*_live_change_feed.sql)
// into the user it belongs to and the event the browser gets. Anything unexpected is dropped:
// a notification is only a hint, and polling still catches what it would have said.
import { type LiveEvent, toLiveEvent } from "./types";

export const LIVE_CHANNEL = "atelier_live";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseNotification(payload: string): { userId: string; event: LiveEvent } | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object") return null;
  const { user_id: userId, type } = data as Record<string, unknown>;
  if (typeof userId !== "string" || !UUID.test(userId) || typeof type !== "string") return null;
  // Only what the trigger announces; "resync" is the server's own word, never the database's.
  if (type !== "generation" && type !== "credits" && type !== "flow_run") return null;
  const event = toLiveEvent(type, data);
  return event ? { userId, event } : null;
}
