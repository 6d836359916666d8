import "server-only";
// Generation rows: reserving (insert + charge + submit job), reads, deletion. State changes
// are lib/generations/lifecycle.ts's.
import type { TransactionSql } from "postgres";
import { type InputEdge, recordInputs } from "@/lib/assets/generation-inputs";
import { sql } from "@/lib/db/client";
import { cancel, OUTPUTS_CLAIM_LEASE_SECONDS } from "@/lib/generations/lifecycle";
import { type GenerationRow, MAX_ACTIVE_PER_USER } from "@/lib/generations/types";
import { submitJobKey } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { ModelKind, ProviderId } from "@/lib/models-config";
import { sessionForGeneration } from "@/lib/sessions/session-for-generation";

export type NewGeneration = {
  userId: string;
  modelId: string;
  provider: ProviderId;
  kind: ModelKind;
  input: Record<string, unknown>;
  prompt: string | null;
  parentGenerationId?: string | null;
  /** The user's own files it consumes (lib/assets/generation-inputs.ts). */
  inputs?: InputEdge[];
  /**
   * Put it in a session (lib/sessions/session-for-generation.ts): the given one, else its
   * parent's, else a new one. Left out, it joins none.
   */
  session?: { id?: string | null };
};

export type Reservation =
  | { ok: true; generation: GenerationRow }
  | { ok: false; reason: "inactive" | "active_limit" | "insufficient_credits"; balance?: number }
  | { ok: false; reason: "hourly_limit" | "daily_model_cap" | "daily_cap"; retryAfterSeconds: number };

export type Reservations = { ok: true; generations: GenerationRow[] } | Exclude<Reservation, { ok: true }>;

export type ReservationLimits = {
  price: number;
  hourlyLimit: number;
  dailyModelCap: number;
  dailyCap: number;
};

/**
 * Records a queued generation with its input edges, charges its price and enqueues its submit
 * job in one transaction (a crash anywhere leaves all three or none), or refuses: the user
 * already has MAX_ACTIVE_PER_USER active jobs, a rate limit or daily cap is reached, or the
 * balance is too low. The profile row lock serialises one user's creates, so parallel
 * requests can never both pass a count or overdraw the balance.
 */
export async function reserveGeneration(g: NewGeneration, limits: ReservationLimits): Promise<Reservation> {
  const reserved = await reserveGenerations([g], limits);
  return reserved.ok ? { ok: true, generation: reserved.generations[0] as GenerationRow } : reserved;
}

/**
 * Several generations of one user and model at once (variations), each its own row, charge and
 * job, all or none: every limit and the balance must allow the whole batch. They share one
 * session.
 */
export async function reserveGenerations(
  batch: readonly NewGeneration[],
  limits: ReservationLimits,
): Promise<Reservations> {
  const g = batch[0];
  if (!g) throw new Error("nothing to reserve");
  return sql.begin(async (tx): Promise<Reservations> => {
    const [owner] = await tx<{ credits: number }[]>`
      select credits from profiles where id = ${g.userId} and status = 'active' for update`;
    if (!owner) return { ok: false, reason: "inactive" };
    const refused = await admissionRefusal(tx, g.userId, g.modelId, limits, batch.length);
    if (refused) return refused;
    if (owner.credits < limits.price * batch.length)
      return { ok: false, reason: "insufficient_credits", balance: owner.credits };
    const workspaceId = g.session
      ? await sessionForGeneration(tx, g.userId, {
          id: g.session.id,
          parentGenerationId: g.parentGenerationId,
          prompt: g.prompt,
        })
      : null;
    const rows: GenerationRow[] = [];
    for (const one of batch) rows.push(await insertOne(tx, one, limits.price, workspaceId));
    return { ok: true, generations: rows };
  });
}

async function insertOne(
  tx: TransactionSql,
  g: NewGeneration,
  price: number,
  workspaceId: string | null,
): Promise<GenerationRow> {
  const [row] = await tx<GenerationRow[]>`
    insert into generations (user_id, model_id, provider, kind, input, prompt, parent_generation_id,
                             cost, estimated_credits, charged_credits, workspace_id)
    values (${g.userId}, ${g.modelId}, ${g.provider}, ${g.kind}, ${tx.json(g.input as never)}, ${g.prompt},
            (select id from generations where id = ${g.parentGenerationId ?? null}::uuid and user_id = ${g.userId}),
            ${price}, ${price}, ${price}, ${workspaceId})
    returning *`;
  if (!row) throw new Error("generation insert returned no row");
  if (price > 0) {
    await tx`
      insert into credit_ledger (user_id, generation_id, delta, reason)
      values (${g.userId}, ${row.id}, ${-price}, 'charge')`;
  }
  await recordInputs(tx, row.id, g.inputs ?? []);
  await enqueueJob(tx, "generation.submit", { generationId: row.id }, { jobKey: submitJobKey(row.id) });
  return row;
}

export type AdmissionRefusal = Exclude<
  Reservation,
  { ok: true } | { reason: "inactive" | "insufficient_credits" }
>;

/**
 * Whether `count` more generations of `modelId` may start for the user now: under
 * MAX_ACTIVE_PER_USER active jobs, the model's hourly limit and the daily caps. Call it inside
 * the transaction that holds the user's profile row lock, so concurrent starts are counted.
 */
export async function admissionRefusal(
  tx: TransactionSql,
  userId: string,
  modelId: string,
  limits: Omit<ReservationLimits, "price">,
  count = 1,
): Promise<AdmissionRefusal | null> {
  const [counts] = await tx<
    {
      active: number;
      model_hour: number;
      model_hour_oldest: number | null;
      model_day: number;
      day: number;
    }[]
  >`
    select
      count(*) filter (where status in ('queued', 'processing'))::int as active,
      count(*) filter (where model_id = ${modelId} and created_at > now() - interval '1 hour')::int as model_hour,
      extract(epoch from min(created_at) filter (where model_id = ${modelId} and created_at > now() - interval '1 hour')
        + interval '1 hour' - now())::int as model_hour_oldest,
      count(*) filter (where model_id = ${modelId} and created_at >= date_trunc('day', now()))::int as model_day,
      count(*) filter (where created_at >= date_trunc('day', now()))::int as day
    from generations
    where user_id = ${userId}
      and (status in ('queued', 'processing') or created_at > least(now() - interval '1 hour', date_trunc('day', now())))`;
  const untilMidnight = Math.ceil((86_400_000 - (Date.now() % 86_400_000)) / 1000);
  if ((counts?.active ?? 0) + count > MAX_ACTIVE_PER_USER) return { ok: false, reason: "active_limit" };
  if ((counts?.model_hour ?? 0) + count > limits.hourlyLimit) {
    return {
      ok: false,
      reason: "hourly_limit",
      retryAfterSeconds: Math.max(1, counts?.model_hour_oldest ?? 3600),
    };
  }
  if ((counts?.model_day ?? 0) + count > limits.dailyModelCap)
    return { ok: false, reason: "daily_model_cap", retryAfterSeconds: untilMidnight };
  if ((counts?.day ?? 0) + count > limits.dailyCap)
    return { ok: false, reason: "daily_cap", retryAfterSeconds: untilMidnight };
  return null;
}

/**
 * Records the provider's job id and the pool key it was submitted with (null: the env key).
 * False when the generation was canceled or deleted meanwhile, or another submission of it was
 * recorded first (lib/generations/submit-now.ts): this job belongs to nobody.
 */
export async function recordSubmission(
  id: string,
  providerJobId: string,
  providerTokenId: string | null = null,
): Promise<boolean> {
  const rows = await sql`
    update generations set provider_job_id = ${providerJobId},
      -- a key deleted meanwhile is recorded as null rather than failing the foreign key
      provider_token_id = (select t.id from provider_tokens t where t.id = ${providerTokenId}),
      submitted_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing') and provider_job_id is null returning id`;
  return rows.length > 0;
}

/**
 * Takes back a recorded submission whose synchronous call failed (a key the provider refused
 * only once the call ran), so the next key's submission, or the job's next try, can record its
 * own. Only while the row still holds that job and is active.
 */
export async function forgetSubmission(id: string, providerJobId: string): Promise<void> {
  await sql`
    update generations set provider_job_id = null, provider_token_id = null, submitted_at = null,
      updated_at = now()
    where id = ${id} and provider_job_id = ${providerJobId} and status in ('queued', 'processing')`;
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

export type DeletedGeneration = { row: GenerationRow; canceled: boolean };

/**
 * Deletes a user's generation under its row lock. An active one is canceled first, by the same
 * guarded update as a user's cancel, so its refund lands before the row goes (the ledger keeps
 * both entries, unlinked). A completion racing the delete either commits first (the returned
 * row carries the outputs to remove) or finds no row and removes the files it stored.
 */
export async function cancelAndDeleteGeneration(
  id: string,
  userId: string,
): Promise<DeletedGeneration | null> {
  return sql.begin(async (tx) => {
    const [locked] = await tx<{ id: string }[]>`
      select id from generations where id = ${id} and user_id = ${userId} for update`;
    if (!locked) return null;
    const canceled = await cancel(id, userId, tx);
    const [row] = await tx<GenerationRow[]>`delete from generations where id = ${id} returning *`;
    return row ? { row, canceled: canceled !== null } : null;
  });
}

/**
 * Active generations nobody has heard about for a while: candidates for a status poll. One
 * whose outputs are being stored is left to its claimer until the claim's lease runs out.
 */
export async function staleActiveGenerations(quietSeconds: number, limit: number): Promise<GenerationRow[]> {
  return sql<GenerationRow[]>`
    select * from generations
    where status in ('queued', 'processing')
      and greatest(coalesce(submitted_at, created_at), updated_at) < now() - make_interval(secs => ${quietSeconds})
      and (outputs_claim is null
           or outputs_claimed_at < now() - make_interval(secs => ${OUTPUTS_CLAIM_LEASE_SECONDS}))
    order by created_at limit ${limit}`;
}

export async function touchGeneration(id: string): Promise<void> {
  await sql`update generations set updated_at = now() where id = ${id} and status in ('queued', 'processing')`;
}
