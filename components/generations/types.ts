// What the browser receives from /api/generations/*: the wire shapes, kept apart from the
// server's row types so client code never reaches into server-only modules.
import type { ModelKind } from "@/lib/models/types";

export type GenerationStatus = "queued" | "processing" | "completed" | "failed" | "canceled";

export type GenerationOutput = {
  url: string;
  thumbnail_url: string | null;
  mime: string;
  width: number | null;
  height: number | null;
};

export type Generation = {
  id: string;
  model: string;
  provider: string;
  kind: ModelKind;
  status: GenerationStatus;
  prompt: string | null;
  error: string | null;
  outputs: GenerationOutput[];
  created_at: string;
  completed_at: string | null;
};

export type GenerationDetail = Generation & {
  input: Record<string, unknown>;
  parent_generation_id: string | null;
  submitted_at: string | null;
};

export type GenerationPage = { items: Generation[]; next_cursor: string | null };

/** History filter on status: "active" is queued or processing (two API statuses). */
export type StatusFilter = "all" | "active" | "completed" | "failed";
export type KindFilter = "all" | ModelKind;

export function isActive(status: GenerationStatus): boolean {
  return status === "queued" || status === "processing";
}

export function isPending(id: string): boolean {
  return id.startsWith("pending-");
}

/** Newest first, ties by id: the order the list API returns. */
export function compareNewestFirst(a: Generation, b: Generation): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
