// Live updates through Supabase Realtime, for deployments whose server cannot hold a LISTEN
// connection (Vercel + Supabase's transaction pooler). The browser subscribes to changes of its
// own generations, its own flow runs and its own profile row; Realtime checks each change against
// the tables' "read own" policies with the user's JWT, which supabase-js keeps current on the
// socket. Requires the tables in the supabase_realtime publication
// (supabase/migrations/20261130129100_realtime_publication.sql, *_realtime_flow_runs.sql).
import type { SupabaseClient } from "@supabase/supabase-js";
import { type LiveEvent, toLiveEvent } from "@/lib/live/types";

export type LiveChangeFilter = {
  event: "INSERT" | "UPDATE";
  schema: "public";
  table: "generations" | "profiles" | "flow_runs";
  filter: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * New and changed generations and flow runs of the user (a run's row changes with each of its
 * nodes), and their profile (the balance). Deletes are left
 * out: Realtime cannot check a policy on a deleted row, so they are not filtered by user;
 * polling removes a deleted generation from other tabs instead.
 */
export function liveChangeFilters(userId: string): LiveChangeFilter[] {
  // The id goes into a filter expression: only ever a uuid.
  if (!UUID.test(userId)) throw new Error("live changes need the user's uuid");
  return [
    { event: "INSERT", schema: "public", table: "generations", filter: `user_id=eq.${userId}` },
    { event: "UPDATE", schema: "public", table: "generations", filter: `user_id=eq.${userId}` },
    { event: "UPDATE", schema: "public", table: "profiles", filter: `id=eq.${userId}` },
    { event: "INSERT", schema: "public", table: "flow_runs", filter: `user_id=eq.${userId}` },
    { event: "UPDATE", schema: "public", table: "flow_runs", filter: `user_id=eq.${userId}` },
  ];
}

/** A Realtime change as the same event the server-sent stream would have delivered. */
export function eventFromChange(change: { table: string; new: Record<string, unknown> }): LiveEvent | null {
  if (change.table === "generations")
    return toLiveEvent("generation", { id: change.new.id, status: change.new.status, deleted: false });
  // Every profile update (including the list's change counter) carries the balance; setting
  // an unchanged balance again changes nothing on screen.
  if (change.table === "profiles") return toLiveEvent("credits", { credits: change.new.credits });
  if (change.table === "flow_runs")
    return toLiveEvent("flow_run", {
      id: change.new.id,
      flow_id: change.new.flow_id,
      status: change.new.status,
    });
  return null;
}

export type LiveChangeHandlers = {
  onEvent: (event: LiveEvent) => void;
  onConnected: (connected: boolean) => void;
};

/** Subscribes; returns the unsubscribe. Every re-subscription after the first resyncs. */
export function subscribeLiveChanges(
  client: SupabaseClient,
  userId: string,
  handlers: LiveChangeHandlers,
): () => void {
  const channel = client.channel(`live:${userId}`);
  for (const filter of liveChangeFilters(userId))
    channel.on("postgres_changes", filter, (payload) => {
      const event = eventFromChange({ table: payload.table, new: payload.new as Record<string, unknown> });
      if (event) handlers.onEvent(event);
    });
  let subscribedBefore = false;
  channel.subscribe((status) => {
    if (status !== "SUBSCRIBED") return handlers.onConnected(false);
    handlers.onConnected(true);
    // Changes made while the channel was down were not delivered.
    if (subscribedBefore) handlers.onEvent({ type: "resync" });
    subscribedBefore = true;
  });
  return () => {
    void client.removeChannel(channel);
  };
}
