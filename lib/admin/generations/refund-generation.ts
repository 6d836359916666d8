import "server-only";
// An admin refund gives back what a generation was charged, once: a ledger row with reason
// admin_refund (unique per generation). A generation already refunded, automatically or by
// an admin, or still running (it may yet be refunded automatically), is refused with 409.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { GenerationStatus } from "@/lib/generations/types";

export async function refundGeneration(
  actor: Actor,
  args: { generationId: string; note?: string | null },
): Promise<{ refunded: number; credits: number }> {
  assertAdmin(actor);
  return sql.begin(async (tx) => {
    // Locks the row against a concurrent status change (whose trigger may refund it).
    const [g] = await tx<
      { id: string; user_id: string; status: GenerationStatus; charged_credits: number }[]
    >`
      select id, user_id, status, charged_credits from generations where id = ${args.generationId} for update`;
    if (!g) throw new AppError("not_found", "Generation not found.");
    if (g.status === "queued" || g.status === "processing")
      throw new AppError("conflict", "This generation is still running; cancel it instead.");
    if (g.charged_credits <= 0) throw new AppError("conflict", "This generation was not charged.");
    const [previous] = await tx<{ reason: string }[]>`
      select reason from credit_ledger
      where generation_id = ${g.id} and reason in ('refund', 'admin_refund') limit 1`;
    if (previous)
      throw new AppError(
        "conflict",
        previous.reason === "refund"
          ? "This generation was already refunded automatically."
          : "This generation was already refunded.",
      );
    const note = args.note?.trim() || "admin refund";
    const inserted = await tx`
      insert into credit_ledger (user_id, generation_id, delta, reason, note, actor_id)
      values (${g.user_id}, ${g.id}, ${g.charged_credits}, 'admin_refund', ${note}, ${actor.id})
      on conflict do nothing returning id`;
    if (inserted.length === 0) throw new AppError("conflict", "This generation was already refunded.");
    const [owner] = await tx<{ credits: number }[]>`select credits from profiles where id = ${g.user_id}`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "generation.refund",
      targetType: "generation",
      targetId: g.id,
      before: { status: g.status, charged_credits: g.charged_credits },
      after: { refunded: g.charged_credits, user_id: g.user_id, note },
    });
    return { refunded: g.charged_credits, credits: owner?.credits ?? 0 };
  });
}
