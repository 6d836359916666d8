import "server-only";
// One action on many of a user's generations at once. Every statement is bounded by the owner,
// so ids of other people's generations (or ids that name nothing) are never read or changed:
// they are only counted as skipped. `done` counts the caller's generations the action applies
// to, including those already in the asked-for state (starring a starred one is done).
import type { TransactionSql } from "postgres";
import type { z } from "zod";
import type { bulkRequest } from "@/lib/contracts/gallery";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bumpListVersion, quietRowBumps } from "@/lib/gallery/bulk-version";
import { MAX_TAGS_PER_GENERATION } from "@/lib/gallery/tags";
import { TERMINAL_STATUSES } from "@/lib/generations/status";
import { getSetting } from "@/lib/settings/settings";

export { BULK_ACTIONS, bulkRequest as bulkSchema, MAX_BULK_IDS } from "@/lib/contracts/gallery";
export type BulkRequest = z.infer<typeof bulkRequest>;

export type BulkResult = { done: number; skipped: number; expired?: number };

export async function bulkUpdateGenerations(userId: string, request: BulkRequest): Promise<BulkResult> {
  const ids = [...new Set(request.ids.map((id) => id.toLowerCase()))];
  const outcome = await sql.begin(async (tx) => {
    await quietRowBumps(tx);
    const result = await apply(tx, userId, ids, request);
    if (result.done > 0) await bumpListVersion(tx, [userId]);
    return result;
  });
  // A repeated id is done once; its repeats count as skipped.
  return { ...outcome, skipped: request.ids.length - outcome.done };
}

async function apply(
  tx: TransactionSql,
  userId: string,
  ids: string[],
  request: BulkRequest,
): Promise<Omit<BulkResult, "skipped">> {
  const mine = tx`select id from generations where user_id = ${userId} and id = any(${ids}::uuid[])`;
  const eligible = (condition: ReturnType<typeof tx>) => tx<{ id: string }[]>`
      select id from generations where id in (${mine}) and ${condition} order by id for update`;
  switch (request.action) {
    case "star":
    case "unstar": {
      const starred = request.action === "star";
      const rows = await eligible(tx`trashed_at is null`);
      await tx`update generations set starred = ${starred}
          where id = any(${rows.map((r) => r.id)}::uuid[]) and starred <> ${starred}`;
      return { done: rows.length };
    }
    case "tag": {
      const tag = request.tag as string;
      const rows = await eligible(
        tx`trashed_at is null and (${tag} = any(tags) or cardinality(tags) < ${MAX_TAGS_PER_GENERATION})`,
      );
      await tx`update generations set tags = array_append(tags, ${tag}::text)
          where id = any(${rows.map((r) => r.id)}::uuid[]) and not (${tag} = any(tags))`;
      return { done: rows.length };
    }
    case "untag": {
      const tag = request.tag as string;
      const rows = await eligible(tx`trashed_at is null`);
      await tx`update generations set tags = array_remove(tags, ${tag}::text)
          where id = any(${rows.map((r) => r.id)}::uuid[]) and ${tag} = any(tags)`;
      return { done: rows.length };
    }
    case "move":
      return { done: await move(tx, userId, ids, request.session ?? null) };
    case "delete": {
      // A running job is left alone: it would still be charged and finish into the trash.
      const rows = await tx<{ id: string }[]>`
          update generations set trashed_at = now()
          where id in (${mine}) and trashed_at is null and status = any(${[...TERMINAL_STATUSES]}::text[])
          returning id`;
      return { done: rows.length };
    }
    case "restore": {
      const days = await getSetting("trash_retention_days");
      const [counts] = await tx<{ done: number; expired: number }[]>`
          with restored as (
            update generations set trashed_at = null
            where id in (${mine}) and trashed_at > now() - make_interval(days => ${days})
            returning id
          )
          select (select count(*) from restored)::int as done,
                 (select count(*) from generations where id in (${mine})
                    and trashed_at <= now() - make_interval(days => ${days}))::int as expired`;
      return { done: counts?.done ?? 0, expired: counts?.expired ?? 0 };
    }
  }
}

async function move(tx: TransactionSql, userId: string, ids: string[], session: string | null) {
  if (session) {
    const [target] =
      await tx`select id from workspaces where id = ${session} and user_id = ${userId} for update`;
    if (!target) throw new AppError("not_found", "session: no such session", { field: "session" });
  }
  const rows = await tx<{ id: string; created_at: Date }[]>`
    update generations set workspace_id = ${session}::uuid
    where user_id = ${userId} and id = any(${ids}::uuid[]) and trashed_at is null
    returning id, created_at`;
  if (session && rows.length > 0) {
    await tx`update workspaces set last_activity_at = greatest(last_activity_at,
      (select max(created_at) from generations where workspace_id = ${session}))
      where id = ${session}`;
  }
  return rows.length;
}
