// What the browser receives from /api/generations/*: the server's serialised shapes as they
// arrive over JSON (type-only imports: nothing of the server module reaches the bundle).
import type { Wire } from "@/lib/api/wire";
import type { PublicGeneration, PublicGenerationDetail, PublicOutput } from "@/lib/generations/serialize";
import type { ModelKind } from "@/lib/models/types";

export type { GenerationStatus, ProviderStatus } from "@/lib/generations/status";
export { isActive, isTerminal } from "@/lib/generations/status";

export type GenerationOutput = Wire<PublicOutput>;
export type Generation = Wire<PublicGeneration>;
export type GenerationDetail = Wire<PublicGenerationDetail>;

export type GenerationPage = { items: Generation[]; next_cursor: string | null };

/** History filter on status: "active" is queued or processing (two API statuses). */
export type StatusFilter = "all" | "active" | "completed" | "failed";
export type KindFilter = "all" | ModelKind;

export function isPending(id: string): boolean {
  return id.startsWith("pending-");
}

/** Newest first, ties by id: the order the list API returns. */
export function compareNewestFirst(a: Generation, b: Generation): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
