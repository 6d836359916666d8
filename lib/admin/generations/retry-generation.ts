import "server-only";
// Retrying a failed generation: a new generation for the same user, model and input, priced
// and charged like any other (createGeneration enforces limits and the balance), with the
// failed one as its parent. Its submit job, committed with the row, calls the provider.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { freshInput } from "@/lib/assets/generation-inputs";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { getGeneration } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import { type CreatedGeneration, createGeneration } from "@/lib/generations/create-generation";

export async function retryGeneration(actor: Actor, id: string): Promise<CreatedGeneration> {
  assertAdmin(actor);
  const original = await getGeneration(id);
  if (!original) throw new AppError("not_found", "Generation not found.");
  if (original.status !== "failed")
    throw new AppError("conflict", `Only failed generations can be retried; this one is ${original.status}.`);
  const [running] = await sql<{ id: string }[]>`
    select id from generations
    where parent_generation_id = ${id} and status in ('queued', 'processing') limit 1`;
  if (running) throw new AppError("conflict", "A retry of this generation is already running.");
  const created = await createGeneration({
    userId: original.user_id,
    modelId: original.model_id,
    // Its own files by their assets, freshly signed: the original's links may have expired.
    input: await freshInput(original),
    parentGenerationId: original.id,
  });
  // createGeneration commits its own transaction (reserve + charge), so the audit row follows
  // it at once rather than sharing it.
  await recordAudit(sql, {
    actorId: actor.id,
    action: "generation.retry",
    targetType: "generation",
    targetId: original.id,
    before: { status: original.status, error: original.error },
    after: {
      retry_generation_id: created.generation.id,
      charged_credits: created.generation.charged_credits,
    },
  });
  return created;
}
