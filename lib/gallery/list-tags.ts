import "server-only";
import { sql } from "@/lib/db/client";

export type TagCount = { tag: string; count: number };

/** The tags a user has given, most used first (for the gallery's tag filter and suggestions). */
export async function listTags(userId: string, limit = 200): Promise<TagCount[]> {
  return sql<TagCount[]>`
    select tag, count(*)::int as count
    from generations, unnest(tags) as tag
    where user_id = ${userId} and trashed_at is null and tags <> '{}'
    group by tag order by count(*) desc, tag limit ${limit}`;
}
