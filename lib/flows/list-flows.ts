import "server-only";
// "My flows": newest first, each with how many runs it had, how the last one went and a
// thumbnail of the newest picture its runs made or reused. The thumbnails are signed in one
// pass with the hour-long links the generations list uses, so a list read again within the hour
// links the same files (the browser keeps them) and signs nothing new.
import { sql } from "@/lib/db/client";
import type { FlowSummary, RunStatus } from "@/lib/flows/run-types";
import { signedUrlsOf } from "@/lib/generations/serialize";
import type { StoredOutput } from "@/lib/generations/types";

const LIMIT = 200;

type Row = {
  id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
  runs: number;
  last_run_status: RunStatus | null;
  last_output: StoredOutput | null;
};

export async function listFlows(userId: string): Promise<FlowSummary[]> {
  const rows = await sql<Row[]>`
    select f.id, f.name, f.created_at, f.updated_at,
      (select count(*)::int from flow_runs r where r.flow_id = f.id) as runs,
      (select r.status from flow_runs r where r.flow_id = f.id order by r.created_at desc limit 1) as last_run_status,
      (select g.outputs -> 0 from flow_runs r
         join flow_run_nodes n on n.run_id = r.id
         join generations g on g.id = n.generation_id
       where r.flow_id = f.id and n.status in ('done', 'reused') and g.status = 'completed'
         and g.kind in ('image', 'video') and jsonb_array_length(g.outputs) > 0
       order by r.created_at desc, n.ended_at desc nulls last limit 1) as last_output
    from flows f where f.user_id = ${userId}
    order by f.updated_at desc, f.id desc limit ${LIMIT}`;
  const thumbs = new Map(rows.map((r) => [r.id, thumbnailPath(r.last_output)]));
  const urls = await signedUrlsOf([...thumbs.values()].filter((p): p is string => p !== null));
  return rows.map((r) => {
    const path = thumbs.get(r.id);
    return {
      id: r.id,
      name: r.name,
      created_at: r.created_at.toISOString(),
      updated_at: r.updated_at.toISOString(),
      runs: r.runs,
      last_run_status: r.last_run_status,
      thumbnail_url: (path && urls.get(path)) ?? null,
    };
  });
}

/** An image's thumbnail (or the image), a video's poster. */
function thumbnailPath(output: StoredOutput | null): string | null {
  return output?.thumb_path ?? (output?.mime.startsWith("image/") ? output.path : null);
}
