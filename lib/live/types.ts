// What the live channel tells a browser, whichever way it arrives (server-sent events fed by
// Postgres LISTEN/NOTIFY, or Supabase Realtime): a hint that something of the user's changed.
// Shared by the server and the browser, so it imports nothing server-only.
import type { GenerationStatus } from "@/components/generations/types";
import { RUN_STATUSES, type RunStatus } from "@/lib/flows/run-types";

/**
 * How changes reach browsers on this deployment: "sse" where the server can hold a LISTEN
 * connection, "realtime" where it cannot but Supabase is configured, otherwise "polling".
 */
export type LiveMode = "sse" | "realtime" | "polling";

/** What the root layout hands the browser: the mode and, for Realtime, the public project keys. */
export type LiveConfig = {
  mode: LiveMode;
  supabase: { url: string; key: string } | null;
};

export type LiveEvent =
  | { type: "generation"; id: string; status: GenerationStatus; deleted: boolean }
  /** The new balance, or null when only the fact of a change is known. */
  | { type: "credits"; credits: number | null }
  /** A flow run or one of its nodes changed: refetch the run (lib/flows/run-types.ts). */
  | { type: "flow_run"; id: string; flow_id: string; status: RunStatus }
  /** Changes may have been missed (a reconnect): refetch what is on screen. */
  | { type: "resync" };

export const GENERATION_STATUSES: readonly GenerationStatus[] = [
  "queued",
  "processing",
  "completed",
  "failed",
  "canceled",
];

/** Reads an event from untrusted JSON (a stream, a socket); null when it is not one. */
export function toLiveEvent(type: string, data: unknown): LiveEvent | null {
  const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  if (type === "resync") return { type: "resync" };
  if (type === "credits") {
    const credits = record.credits;
    return {
      type: "credits",
      credits: typeof credits === "number" && Number.isFinite(credits) ? credits : null,
    };
  }
  if (type === "flow_run") {
    const { id, flow_id: flowId, status } = record;
    if (typeof id !== "string" || typeof flowId !== "string" || !RUN_STATUSES.includes(status as RunStatus))
      return null;
    return { type: "flow_run", id, flow_id: flowId, status: status as RunStatus };
  }
  if (type === "generation") {
    const { id, status } = record;
    if (typeof id !== "string" || !GENERATION_STATUSES.includes(status as GenerationStatus)) return null;
    return { type: "generation", id, status: status as GenerationStatus, deleted: record.deleted === true };
  }
  return null;
}
