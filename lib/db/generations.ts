import "server-only";
// Generation rows. Every state change is one statement guarded by the current state, so a
// duplicate or late event changes nothing (DESIGN.md 4).
import { sql } from "@/lib/db/client";
import { type GenerationRow, MAX_ACTIVE_PER_USER, type StoredOutput } from "@/lib/generations/types";
import type { ModelKind, ProviderId } from "@/lib/models-config";

export type NewGeneration = {
  userId: string;
  modelId: string;
  provider: ProviderId;
  kind: ModelKind;
  input: Record<string, unknown>;
  prompt: string | null;
  parentGenerationId?: string | null;
};

/**
 * Inserts a queued generation unless the user already has MAX_ACTIVE_PER_USER active ones.
 * The profile row lock serialises one user's creates, so parallel requests cannot both pass
 * the count. Returns null when the limit is reached.
 */
export async function insertGenerationUnderLimit(g: NewGeneration): Promise<GenerationRow | null> {
  return sql.begin(async (tx) => {
    const [owner] = await tx`select id from profiles where id = ${g.userId} and status = 'active' for update`;
    if (!owner) return null;
    const [{ active }] = (await tx`
      select count(*)::int as active from generations
      where user_id = ${g.userId} and status in ('queued', 'processing')`) as unknown as [{ active: number }];
    if (active >= MAX_ACTIVE_PER_USER) return null;
    const [row] = await tx<GenerationRow[]>`
      insert into generations (user_id, model_id, provider, kind, input, prompt, parent_generation_id)
      values (${g.userId}, ${g.modelId}, ${g.provider}, ${g.kind}, ${tx.json(g.input as never)}, ${g.prompt},
              ${g.parentGenerationId ?? null})
      returning *`;
    return row ?? null;
  });
}

export async function recordSubmission(id: string, providerJobId: string): Promise<void> {
  await sql`
    update generations set provider_job_id = ${providerJobId}, submitted_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing')`;
}

export async function markProcessing(id: string): Promise<boolean> {
  const rows = await sql`
    update generations set status = 'processing', updated_at = now()
    where id = ${id} and status = 'queued' returning id`;
  return rows.length > 0;
}

export async function markCompleted(id: string, outputs: StoredOutput[]): Promise<boolean> {
  const rows = await sql`
    update generations set status = 'completed', outputs = ${sql.json(outputs as never)}, error = null,
      completed_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing') returning id`;
  return rows.length > 0;
}

export async function markFailed(id: string, reason: string): Promise<boolean> {
  const rows = await sql`
    update generations set status = 'failed', error = ${reason.slice(0, 1000)}, completed_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing') returning id`;
  return rows.length > 0;
}

export async function markCanceled(id: string, userId: string): Promise<GenerationRow | null> {
  const [row] = await sql<GenerationRow[]>`
    update generations set status = 'canceled', completed_at = now(), updated_at = now()
    where id = ${id} and user_id = ${userId} and status in ('queued', 'processing') returning *`;
  return row ?? null;
}

export async function getGeneration(id: string): Promise<GenerationRow | null> {
  const [row] = await sql<GenerationRow[]>`select * from generations where id = ${id}`;
  return row ?? null;
}

export async function getGenerationForUser(id: string, userId: string): Promise<GenerationRow | null> {
  const [row] = await sql<
    GenerationRow[]
  >`select * from generations where id = ${id} and user_id = ${userId}`;
  return row ?? null;
}

export async function findByProviderJob(provider: ProviderId, jobId: string): Promise<GenerationRow | null> {
  const [row] = await sql<GenerationRow[]>`
    select * from generations where provider = ${provider} and provider_job_id = ${jobId}`;
  return row ?? null;
}

export async function deleteGenerationRow(id: string, userId: string): Promise<GenerationRow | null> {
  const [row] = await sql<GenerationRow[]>`
    delete from generations where id = ${id} and user_id = ${userId} returning *`;
  return row ?? null;
}

export async function markCanceledByProvider(id: string): Promise<boolean> {
  const rows = await sql`
    update generations set status = 'canceled', completed_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing') returning id`;
  return rows.length > 0;
}

/** Active generations nobody has heard about for a while: candidates for a status poll. */
export async function staleActiveGenerations(quietSeconds: number, limit: number): Promise<GenerationRow[]> {
  return sql<GenerationRow[]>`
    select * from generations
    where status in ('queued', 'processing')
      and greatest(coalesce(submitted_at, created_at), updated_at) < now() - make_interval(secs => ${quietSeconds})
    order by created_at limit ${limit}`;
}

export async function touchGeneration(id: string): Promise<void> {
  await sql`update generations set updated_at = now() where id = ${id} and status in ('queued', 'processing')`;
}
