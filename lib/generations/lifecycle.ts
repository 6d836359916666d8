import "server-only";
// The only code that moves a generation between states (lib/generations/status.ts). Each move
// is one statement guarded by the current state, so a duplicate or late report changes nothing
// and callers learn whether theirs was the change. Every end (completed, failed, canceled, timed
// out) fires the same things in that statement, by trigger: the refund of a failed or canceled
// job (generations_refund_on_end) and the `generation.ended` job that runs the hooks
// (generations_enqueue_ended; hooks in lib/generations/ended-hooks.ts).
import { randomUUID } from "node:crypto";
import type { Sql, TransactionSql } from "postgres";
import { sql } from "@/lib/db/client";
import { type GenerationStatus, PROVIDER_STATUSES } from "@/lib/generations/status";
import type { GenerationRow, StoredOutput } from "@/lib/generations/types";
import type { MediaOutput } from "@/lib/media/types";
import type { RunningState } from "@/lib/providers/types";

type Db = Sql | TransactionSql;

/**
 * How long a claim on storing a generation's outputs holds without renewal. The claimer renews
 * it while it works (OUTPUTS_CLAIM_RENEW_MS), so a long video keeps it and a claimer that died
 * loses it within a minute. One overtaken all the same writes under its own attempt folder and
 * cannot complete the row without its claim, so it only ever removes its own files.
 */
export const OUTPUTS_CLAIM_LEASE_SECONDS = 60;
export const OUTPUTS_CLAIM_RENEW_MS = 15_000;

/** Order of what a provider reports about a running job; a report never moves a row back in it. */
const PROVIDER_RANK = sql`array['queued', 'starting', 'processing']::text[]`;

/**
 * Records what the provider says about a job still running (lib/providers/types.ts
 * RunningState): its provider status, the start of its run, progress and latest log line. The
 * first `processing` moves the generation from queued to processing. Nothing moves back: an
 * ended row is left alone, an earlier provider status (a `start` delivered after a `logs`) is
 * ignored, and so is a report that saw less of the provider's log than the one recorded. Returns
 * null when nothing changed, else whether this report started the run.
 */
export async function recordProgress(id: string, report: RunningState): Promise<{ started: boolean } | null> {
  const processing = report.status === "processing";
  const rank = PROVIDER_STATUSES.indexOf(report.status) + 1;
  const position = Math.max(0, Math.floor(report.logPosition ?? 0));
  const [row] = await sql<{ was: GenerationStatus }[]>`
    with before as (
      select id, status, provider_status, started_at, progress, latest_log, log_position, created_at,
        coalesce(array_position(${PROVIDER_RANK},
          coalesce(provider_status, case when status = 'processing' then 'processing' end)), 0) as rank
      from generations where id = ${id} for update
    ), next as (
      select b.id,
        case when ${processing} then 'processing' else b.status end as status,
        -- The provider's own start time where it gives one, kept between creation and now, so
        -- another clock never makes the elapsed time negative or older than the job.
        case when ${processing}
          then coalesce(b.started_at,
                        least(now(), greatest(b.created_at, coalesce(${report.startedAt ?? null}::timestamptz, now()))))
          else b.started_at end as started_at,
        coalesce(${report.progress ?? null}::real, b.progress) as progress,
        coalesce(${report.logLine ?? null}::text, b.latest_log) as latest_log
      from before b
      where b.status in ('queued', 'processing')
        and (${rank} > b.rank or (${rank} = b.rank and ${position} >= b.log_position))
    )
    update generations g set status = n.status, provider_status = ${report.status},
      started_at = n.started_at, progress = n.progress, latest_log = n.latest_log,
      log_position = greatest(b.log_position, ${position}), updated_at = now()
    from next n, before b
    where g.id = n.id
      and (b.status, b.provider_status, b.started_at, b.progress, b.latest_log)
          is distinct from (n.status, ${report.status}::text, n.started_at, n.progress, n.latest_log)
    returning b.status as was`;
  if (!row) return null;
  return { started: processing && row.was === "queued" };
}

/**
 * Claims the storing of a generation's outputs for one attempt: the row must be active and not
 * claimed by a live attempt. Returns the row, or null when it has finished or another path is
 * storing it right now.
 */
export async function claimOutputs(id: string, attempt: string): Promise<GenerationRow | null> {
  const [row] = await sql<GenerationRow[]>`
    update generations set status = 'processing', outputs_claim = ${attempt}, outputs_claimed_at = now(),
      -- A job that succeeded before any report of its start did start, at the latest now.
      started_at = coalesce(started_at, now()), updated_at = now()
    where id = ${id} and status in ('queued', 'processing')
      and (outputs_claim is null
           or outputs_claimed_at < now() - make_interval(secs => ${OUTPUTS_CLAIM_LEASE_SECONDS}))
    returning *`;
  return row ?? null;
}

/** Keeps a claim alive while its attempt is still working. */
export async function renewOutputsClaim(id: string, attempt: string): Promise<void> {
  await sql`
    update generations set outputs_claimed_at = now()
    where id = ${id} and outputs_claim = ${attempt} and status in ('queued', 'processing')`;
}

/** Gives a claim back after a failure worth retrying, so the next try need not wait out the lease. */
export async function releaseOutputsClaim(id: string, attempt: string): Promise<void> {
  await sql`
    update generations set outputs_claim = null, outputs_claimed_at = null
    where id = ${id} and outputs_claim = ${attempt}`;
}

/**
 * Publishes an attempt's outputs; only the attempt that holds the claim can. Each file becomes
 * an asset (output, its thumbnail, a video's last frame) in the same transaction, and the row's
 * outputs name them.
 */
export async function complete(id: string, attempt: string, outputs: MediaOutput[]): Promise<boolean> {
  const named = outputs.map((o) => ({
    ...o,
    asset_id: randomUUID(),
    thumb_asset_id: o.thumb_path ? randomUUID() : null,
    last_frame_asset_id: o.last_frame ? randomUUID() : null,
  }));
  const stored: StoredOutput[] = named.map(({ thumb: _thumb, last_frame, duration_seconds, ...o }) => ({
    ...o,
    ...(o.mime.startsWith("video/") ? { duration_seconds, last_frame_path: last_frame?.path ?? null } : {}),
  }));
  return sql.begin(async (tx) => {
    const [row] = await tx<{ user_id: string }[]>`
      update generations set status = 'completed', outputs = ${tx.json(stored as never)}, error = null,
        completed_at = now(), updated_at = now()
      where id = ${id} and status in ('queued', 'processing') and outputs_claim = ${attempt}
      returning user_id`;
    if (!row) return false;
    for (const o of named) {
      await tx`
        insert into assets (id, user_id, role, storage_path, mime, width, height, duration_seconds, bytes,
                            sha256, generation_id)
        values (${o.asset_id}, ${row.user_id}, 'output', ${o.path}, ${o.mime}, ${o.width}, ${o.height},
                ${o.duration_seconds}, ${o.bytes}, ${o.sha256}, ${id})`;
      if (o.thumb && o.thumb_path)
        await tx`
          insert into assets (id, user_id, role, storage_path, mime, width, height, bytes, sha256,
                              generation_id, original_asset_id)
          values (${o.thumb_asset_id}, ${row.user_id}, 'thumbnail', ${o.thumb_path}, 'image/webp',
                  ${o.thumb.width}, ${o.thumb.height}, ${o.thumb.bytes}, ${o.thumb.sha256}, ${id}, ${o.asset_id})`;
      if (o.last_frame && o.last_frame_asset_id)
        await tx`
          insert into assets (id, user_id, role, storage_path, mime, width, height, bytes, sha256,
                              generation_id, original_asset_id)
          values (${o.last_frame_asset_id}, ${row.user_id}, 'frame', ${o.last_frame.path}, 'image/jpeg',
                  ${o.last_frame.width}, ${o.last_frame.height}, ${o.last_frame.bytes}, ${o.last_frame.sha256},
                  ${id}, ${o.asset_id})`;
    }
    return true;
  });
}

/** With `attempt`, only while that attempt holds the outputs claim (its files were refused). */
export async function fail(id: string, reason: string, attempt?: string): Promise<boolean> {
  const rows = await sql`
    update generations set status = 'failed', error = ${reason.slice(0, 1000)}, completed_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing')
      ${attempt === undefined ? sql`` : sql`and outputs_claim = ${attempt}`}
    returning id`;
  return rows.length > 0;
}

/** Past its model's longest run: failed, with the reason the owner sees. */
export function timeOut(id: string, maxSeconds: number): Promise<boolean> {
  return fail(id, `Timed out: no result after ${Math.round(maxSeconds / 60)} minutes.`);
}

/** A user's cancel (`userId` set; the row must be theirs) or the provider's (`userId` null). */
export async function cancel(id: string, userId: string | null, db: Db = sql): Promise<GenerationRow | null> {
  const [row] = await db<GenerationRow[]>`
    update generations set status = 'canceled', completed_at = now(), updated_at = now()
    where id = ${id} and status in ('queued', 'processing')
      ${userId === null ? db`` : db`and user_id = ${userId}`}
    returning *`;
  return row ?? null;
}
