import "server-only";
import type { KeysetCursor } from "@/lib/api/keyset-cursor";
import { sql } from "@/lib/db/client";
import type { UtcTimestamp } from "@/lib/db/utc-timestamp";
import { containsPattern, type GalleryFilter } from "@/lib/gallery/list-filter";
import type { GenerationRow } from "@/lib/generations/types";

export type ListFilter = GalleryFilter & {
  /** The trash instead of the gallery: only trashed rows, newest first as ever. */
  trashed?: boolean;
};

// Only what the list shows: the input and receipts stay in the row for the detail view.
// Timestamps as UTC: JSON prints them to the microsecond without a zone (utc-timestamp.ts).
const LIST_COLUMNS = sql`id, model_id, provider, kind, status, prompt, error, outputs,
  created_at at time zone 'UTC' as created_at, completed_at at time zone 'UTC' as completed_at,
  provider_status, started_at at time zone 'UTC' as started_at, progress,
  starred, tags, workspace_id, trashed_at at time zone 'UTC' as trashed_at`;

type Timestamps = "created_at" | "completed_at" | "started_at" | "trashed_at";

/** A row of the list as Postgres hands it over in JSON, its timestamps as UTC text. */
export type ListRow = Pick<
  GenerationRow,
  | "id"
  | "model_id"
  | "provider"
  | "kind"
  | "status"
  | "prompt"
  | "error"
  | "outputs"
  | "provider_status"
  | "progress"
  | "starred"
  | "tags"
  | "workspace_id"
> & { [Key in Timestamps]: Key extends "created_at" ? UtcTimestamp : UtcTimestamp | null };

/**
 * The filter as SQL conditions on `generations`, every value a bound parameter. The prompt
 * search is words (full text on the stored `prompt_search`, generations_prompt_search_idx) or
 * any part of the text in any case (LIKE on the stored lower-case `prompt_folded`, which is
 * ILIKE without folding every row again; generations_prompt_folded_trgm_idx).
 */
export function filterConditions(userId: string, filter: ListFilter) {
  // Only the conditions in use become fragments: the driver builds each one on every poll.
  const conditions = [
    filter.trashed
      ? sql`user_id = ${userId} and trashed_at is not null`
      : sql`user_id = ${userId} and trashed_at is null`,
  ];
  if (filter.status) conditions.push(sql`status = ${filter.status}`);
  if (filter.kind) conditions.push(sql`kind = ${filter.kind}`);
  if (filter.model) conditions.push(sql`model_id = ${filter.model}`);
  if (filter.provider) conditions.push(sql`provider = ${filter.provider}`);
  if (filter.session) conditions.push(sql`workspace_id = ${filter.session}::uuid`);
  // "Select all matching" finds a tag's rows through the GIN index on `tags`; a page of a tag
  // reads them in order from generation_tags instead (taggedPage).
  if (filter.tag) conditions.push(sql`tags @> array[${filter.tag}]::text[]`);
  if (filter.starred !== undefined) conditions.push(sql`starred = ${filter.starred}`);
  if (filter.from) conditions.push(sql`created_at >= ${filter.from}::date::timestamp at time zone 'UTC'`);
  if (filter.to) conditions.push(sql`created_at < (${filter.to}::date + 1)::timestamp at time zone 'UTC'`);
  if (filter.q)
    conditions.push(sql`(prompt_search @@ websearch_to_tsquery('english', ${filter.q})
      or prompt_folded like lower(${containsPattern(filter.q)}))`);
  return conditions.reduce((all, condition) => sql`${all} and ${condition}`);
}

/** Whether the filter narrows the list at all (beyond the gallery or the trash). */
function isUnfiltered(filter: ListFilter): boolean {
  return Object.entries(filter).every(([key, value]) => key === "trashed" || value === undefined);
}

/** Where a row of a page stands: its id, its version (`xmin`, new with every update) and its place. */
export type ListKey = { id: string; version: string; created_at: UtcTimestamp };

/**
 * Newest first, keyset-paginated on (created_at, id) so deep pages cost the same as the first:
 * which rows a page holds and their versions, not the rows themselves (those come from
 * listRowsByIds for the items not already built at that version).
 *
 * The keys come back as one text value (`id version created_at`, comma-separated), which the
 * driver hands over as it is: cheaper than parsing JSON on every poll. The unfiltered list,
 * which every open gallery polls, has its LIMIT written into the statement, so Postgres keeps
 * one generic plan for it (the newest-first index) instead of planning every request again.
 * A filtered list binds its LIMIT, which keeps it planned for the values given: a rare
 * word and a common one, a model tried once and the one used every day, want different plans.
 */
export async function listGenerationKeys(
  userId: string,
  filter: ListFilter,
  limit: number,
  cursor: KeysetCursor | null,
): Promise<ListKey[]> {
  const [page] = await sql<{ keys: string | null }[]>`
    select string_agg(
             page.id::text || ' ' || page.version || ' ' || (to_json(page.created_at at time zone 'UTC') #>> '{}'),
             ',' order by page.created_at desc, page.id desc) as keys
    from (${pageRows(userId, filter, limit, cursor)}) page`;
  return page?.keys ? page.keys.split(",").map(parseKey) : [];
}

/**
 * A page's rows in the list's order, which the aggregate then keeps: down the newest-first
 * index or, for a tag, down the tag's rows.
 */
function pageRows(userId: string, filter: ListFilter, limit: number, cursor: KeysetCursor | null) {
  const { tag, ...others } = filter;
  if (tag) return taggedPage(userId, tag, others, limit, cursor);
  const unfiltered = isUnfiltered(filter);
  const conditions = filterConditions(userId, filter);
  const where = cursor ? sql`${conditions} and ${before(cursor, unfiltered, LIST_KEY)}` : conditions;
  return sql`
    select id, xmin::text as version, created_at from generations
    where ${where}
    order by generations.created_at desc, generations.id desc
    limit ${unfiltered ? sql.unsafe(String(Math.trunc(limit))) : limit}`;
}

/**
 * A page of a tag: the tag's rows newest first (generation_tags, in the list's order), each
 * joined to its generation for the filter's other conditions, up to the page. Postgres takes a
 * tag on thousands of a user's rows for a rare one (it only knows the tag's share of the whole
 * table), and through `tags` alone it read and sorted all of them for every page. This plan
 * suits any tag, so the LIMIT is written in and Postgres may keep one plan for it.
 */
function taggedPage(
  userId: string,
  tag: string,
  others: ListFilter,
  limit: number,
  cursor: KeysetCursor | null,
) {
  const tagged = sql`t.user_id = ${userId} and t.tag = ${tag}`;
  const where = cursor ? sql`${tagged} and ${before(cursor, false, TAG_KEY)}` : tagged;
  // The page's id and time are the tag row's (the generation's own): in the order the rows come
  // in, which the aggregate then keeps without sorting again.
  return sql`
    select t.generation_id as id, g.xmin::text as version, t.created_at
    from generation_tags t
    cross join lateral (
      select xmin from generations
      where generations.id = t.generation_id and ${filterConditions(userId, others)}
    ) g
    where ${where}
    order by t.created_at desc, t.generation_id desc
    limit ${sql.unsafe(String(Math.trunc(limit)))}`;
}

/** Where a row stands in the list: a generation's (created_at, id), or its tag row's copy of them. */
const LIST_KEY = sql`(generations.created_at, generations.id)`;
const TAG_KEY = sql`(t.created_at, t.generation_id)`;

/**
 * Rows after the cursor. Through text: a timestamptz parameter would go through a JS Date and
 * lose the microseconds. In the unfiltered list the cursor's values go through sub-selects, which
 * Postgres cannot see into when it plans: with them in view it planned every next page again
 * (its estimate for the cursor's place beat the kept plan's), though reading the index from the
 * cursor on is the plan for any cursor. A filtered list is planned for its values on every request
 * anyway, and keeps the cursor's in view for that plan.
 */
function before(cursor: KeysetCursor, keepPlan: boolean, key: typeof LIST_KEY) {
  return keepPlan
    ? sql`${key} < ((select ${cursor.createdAt}::text::timestamptz), (select ${cursor.id}::uuid))`
    : sql`${key} < (${cursor.createdAt}::text::timestamptz, ${cursor.id}::uuid)`;
}

function parseKey(text: string): ListKey {
  const afterId = text.indexOf(" ");
  const afterVersion = text.indexOf(" ", afterId + 1);
  return {
    id: text.slice(0, afterId),
    version: text.slice(afterId + 1, afterVersion),
    created_at: text.slice(afterVersion + 1),
  };
}

/**
 * The user's rows with these ids as the list shows them, with their versions, in one JSON array:
 * converting 17 columns of every row one by one (dates into Date objects among them) cost the
 * server more than the rest of the request.
 */
export async function listRowsByIds(
  userId: string,
  ids: readonly string[],
): Promise<(ListRow & { version: string })[]> {
  if (ids.length === 0) return [];
  const [found] = await sql<{ rows: (ListRow & { version: string })[] }[]>`
    select coalesce(json_agg(found), '[]') as rows
    from (
      select ${LIST_COLUMNS}, xmin::text as version from generations
      where user_id = ${userId} and id = any(${ids as string[]}::uuid[])
    ) found`;
  return found?.rows ?? [];
}

/** The ids of every row the filter matches, newest first, up to `limit` ("select all matching"). */
export async function listGenerationIds(
  userId: string,
  filter: ListFilter,
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from generations where ${filterConditions(userId, filter)}
    order by created_at desc, id desc limit ${limit}`;
  return rows.map((row) => row.id);
}
