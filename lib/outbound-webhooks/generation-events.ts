import "server-only";
// `generation.completed` / `generation.failed` for the owner's webhook endpoints: an ended hook
// (lib/generations/ended-hooks.ts). The data describes the outputs but carries no signed URLs
// (they expire, and a redelivery may come a day later): a receiver reads the generation at
// `api_url` with a `read` key for fresh ones, treating the event as a hint to re-check.
import { sql } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import type { GenerationRow } from "@/lib/generations/types";
import { enqueueOutboundEvent } from "@/lib/outbound-webhooks/enqueue-event";

export async function publishGenerationEvent(generation: GenerationRow): Promise<void> {
  if (generation.status !== "completed" && generation.status !== "failed") return;
  const type = `generation.${generation.status}` as const;
  await enqueueOutboundEvent(sql, {
    userId: generation.user_id,
    type,
    dedupeKey: `${type}:${generation.id}`,
    data: generationEventData(generation),
  });
}

export function generationEventData(g: GenerationRow): Record<string, unknown> {
  return {
    id: g.id,
    status: g.status,
    model: g.model_id,
    kind: g.kind,
    prompt: g.prompt,
    error: g.error,
    outputs: g.outputs.map((o) => ({
      asset_id: o.asset_id ?? null,
      mime: o.mime,
      width: o.width,
      height: o.height,
      bytes: o.bytes,
    })),
    created_at: g.created_at.toISOString(),
    completed_at: g.completed_at?.toISOString() ?? null,
    api_url: new URL(`/api/generations/${g.id}`, appUrl()).toString(),
    web_url: new URL(`/result/${g.id}`, appUrl()).toString(),
  };
}
