import "server-only";
// One generation as support needs it: input, provider job, error, the webhook deliveries
// that drove it, its credit ledger rows and any retries.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";
import { getGeneration } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import { type PublicOutput, serializeGeneration } from "@/lib/generations/serialize";
import type { GenerationRow } from "@/lib/generations/types";

export type WebhookEventView = {
  id: string;
  provider: string;
  event_id: string;
  received_at: Date;
  processed_at: Date | null;
  attempts: number;
  last_error: string | null;
  payload: unknown;
};

export type GenerationLedgerRow = {
  id: string;
  delta: number;
  reason: string;
  note: string | null;
  actor_email: string | null;
  created_at: Date;
};

export type AdminGenerationDetail = {
  generation: Omit<GenerationRow, "outputs"> & { user_email: string | null; outputs: PublicOutput[] };
  webhook_events: WebhookEventView[];
  ledger: GenerationLedgerRow[];
  retries: { id: string; status: string; created_at: Date }[];
  refundable: boolean;
};

export async function getGenerationDetail(actor: Actor, id: string): Promise<AdminGenerationDetail> {
  assertAdmin(actor);
  const row = await getGeneration(id);
  if (!row) throw new AppError("not_found", "Generation not found.");
  const [[owner], events, ledger, retries, serialized] = await Promise.all([
    sql<{ email: string | null }[]>`select email from profiles where id = ${row.user_id}`,
    sql<WebhookEventView[]>`
      select id, provider, event_id, received_at, processed_at, attempts, last_error, payload
      from webhook_events where generation_id = ${id} order by received_at, id`,
    sql<GenerationLedgerRow[]>`
      select l.id::text, l.delta, l.reason, l.note, a.email as actor_email, l.created_at
      from credit_ledger l left join profiles a on a.id = l.actor_id
      where l.generation_id = ${id} order by l.created_at, l.id`,
    sql<{ id: string; status: string; created_at: Date }[]>`
      select id, status, created_at from generations where parent_generation_id = ${id} order by created_at`,
    serializeGeneration(row),
  ]);
  const refunded = ledger.some((l) => l.reason === "refund" || l.reason === "admin_refund");
  return {
    generation: { ...row, user_email: owner?.email ?? null, outputs: serialized.outputs },
    webhook_events: events,
    ledger,
    retries,
    refundable:
      !refunded && row.charged_credits > 0 && row.status !== "queued" && row.status !== "processing",
  };
}
