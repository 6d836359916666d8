import "server-only";
// Every user's generations for the console: filtered by status, provider, model, user email
// and a date range (UTC days, both ends included), newest first, keyset-paginated.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { likePattern } from "@/lib/admin/params";
import { decodeCursor, encodeCursor } from "@/lib/api/keyset-cursor";
import { sql } from "@/lib/db/client";
import type { GenerationStatus } from "@/lib/generations/types";
import type { ProviderId } from "@/lib/models-config";

export const ADMIN_GENERATIONS_PAGE = 50;

export type AdminGenerationFilter = {
  status?: GenerationStatus;
  provider?: ProviderId;
  model?: string;
  email?: string;
  /** YYYY-MM-DD, UTC. */
  from?: string;
  to?: string;
  cursor?: string;
};

export type AdminGenerationItem = {
  id: string;
  user_id: string;
  user_email: string | null;
  model_id: string;
  provider: ProviderId;
  kind: string;
  status: GenerationStatus;
  prompt: string | null;
  error: string | null;
  charged_credits: number;
  provider_job_id: string | null;
  parent_generation_id: string | null;
  created_at: Date;
  completed_at: Date | null;
};

export async function listAdminGenerations(
  actor: Actor,
  filter: AdminGenerationFilter,
): Promise<{ items: AdminGenerationItem[]; next_cursor: string | null }> {
  assertAdmin(actor);
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const rows = await sql<(AdminGenerationItem & { cursor_at: string })[]>`
    select to_json(g.created_at) #>> '{}' as cursor_at, g.id, g.user_id, p.email as user_email, g.model_id, g.provider, g.kind, g.status,
           left(g.prompt, 200) as prompt, left(g.error, 300) as error, g.charged_credits,
           g.provider_job_id, g.parent_generation_id, g.created_at, g.completed_at
    from generations g join profiles p on p.id = g.user_id
    where true
      ${filter.status ? sql`and g.status = ${filter.status}` : sql``}
      ${filter.provider ? sql`and g.provider = ${filter.provider}` : sql``}
      ${filter.model ? sql`and g.model_id = ${filter.model}` : sql``}
      ${filter.email ? sql`and p.email like ${likePattern(filter.email.trim().toLowerCase())}` : sql``}
      ${filter.from ? sql`and g.created_at >= ${filter.from}::date::timestamp at time zone 'UTC'` : sql``}
      ${filter.to ? sql`and g.created_at < (${filter.to}::date + 1)::timestamp at time zone 'UTC'` : sql``}
      ${
        // Through text: a timestamptz parameter would go through a JS Date and lose the microseconds.
        cursor
          ? sql`and (g.created_at, g.id) < (${cursor.createdAt}::text::timestamptz, ${cursor.id}::uuid)`
          : sql``
      }
    order by g.created_at desc, g.id desc
    limit ${ADMIN_GENERATIONS_PAGE + 1}`;
  const page = rows.slice(0, ADMIN_GENERATIONS_PAGE);
  const last = page.at(-1);
  return {
    items: page.map(({ cursor_at: _, ...item }) => item),
    next_cursor:
      rows.length > ADMIN_GENERATIONS_PAGE && last
        ? encodeCursor({ createdAt: last.cursor_at, id: last.id })
        : null,
  };
}
