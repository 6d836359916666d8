import "server-only";
// A generation's family: the generations that made the assets it consumed (ancestors), and
// those that consumed what it made (descendants), to any depth, within one user's generations.
import { sql } from "@/lib/db/client";
import { requireOwnGeneration } from "@/lib/generations/manage-generation";
import type { GenerationStatus } from "@/lib/generations/types";
import { storage } from "@/lib/storage";

/** Deep enough for any real chain; a bound all the same, so a query can never run away. */
const MAX_DEPTH = 1000;
const THUMB_URL_SECONDS = 60 * 60;

type NodeRow = {
  id: string;
  model_id: string;
  status: GenerationStatus;
  thumb_path: string | null;
  depth: number;
};

export type LineageNode = {
  id: string;
  model: string;
  status: GenerationStatus;
  thumbnail_url: string | null;
  /** 1 for a direct parent or child. */
  depth: number;
};

export async function generationLineage(
  id: string,
  userId: string,
): Promise<{ id: string; ancestors: LineageNode[]; descendants: LineageNode[] }> {
  const generation = await requireOwnGeneration(id, userId);
  const rows = await sql<(NodeRow & { direction: "up" | "down" })[]>`
    with recursive
    up(id, depth) as (
      select a.generation_id, 1 from generation_inputs gi join assets a on a.id = gi.asset_id
      where gi.generation_id = ${generation.id} and a.generation_id is not null and a.user_id = ${userId}
      union
      select a.generation_id, up.depth + 1 from up
      join generation_inputs gi on gi.generation_id = up.id
      join assets a on a.id = gi.asset_id
      where a.generation_id is not null and a.user_id = ${userId} and up.depth < ${MAX_DEPTH}
    ),
    down(id, depth) as (
      select gi.generation_id, 1 from assets a join generation_inputs gi on gi.asset_id = a.id
      where a.generation_id = ${generation.id}
      union
      select gi.generation_id, down.depth + 1 from down
      join assets a on a.generation_id = down.id
      join generation_inputs gi on gi.asset_id = a.id
      where down.depth < ${MAX_DEPTH}
    ),
    family as (
      select id, 'up' as direction, min(depth) as depth from up group by id
      union all
      select id, 'down', min(depth) from down group by id
    )
    select f.direction, f.depth, g.id, g.model_id, g.status, g.outputs -> 0 ->> 'thumb_path' as thumb_path
    -- What is in the trash is out of sight here too (the walk still passes through it).
    from family f join generations g on g.id = f.id and g.user_id = ${userId} and g.trashed_at is null
    order by f.direction, f.depth, g.created_at`;
  const node = async (row: NodeRow): Promise<LineageNode> => ({
    id: row.id,
    model: row.model_id,
    status: row.status,
    thumbnail_url: row.thumb_path ? await storage().signedUrl(row.thumb_path, THUMB_URL_SECONDS) : null,
    depth: row.depth,
  });
  return {
    id: generation.id,
    ancestors: await Promise.all(rows.filter((r) => r.direction === "up").map(node)),
    descendants: await Promise.all(rows.filter((r) => r.direction === "down").map(node)),
  };
}
