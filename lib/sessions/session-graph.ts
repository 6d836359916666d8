import "server-only";
// A session's generations as a graph: a node per generation (with its parameters, model, cost
// and duration) and an edge from each generation whose output another consumed (the
// generation_inputs edges, or the parent link where a step recorded no input edge). An edge may
// come from outside the session (an output of another session, flow or tool): its `from` is
// then not among the nodes, and the page links to it instead.
import { sql } from "@/lib/db/client";
import { serializeGenerations } from "@/lib/generations/serialize";
import type { GenerationRow } from "@/lib/generations/types";

/** The newest this many generations of a session are shown; a bound for very long sessions. */
export const MAX_SESSION_NODES = 500;

export type SessionEdge = { from: string; to: string; slot: string };

type NodeRow = GenerationRow & { duration_seconds: number | null };

export async function sessionGraph(userId: string, sessionId: string) {
  const rows = await sql<NodeRow[]>`
    select * from (
      select g.*, extract(epoch from g.completed_at - coalesce(g.submitted_at, g.created_at))::float8 as duration_seconds
      from generations g
      where g.workspace_id = ${sessionId} and g.user_id = ${userId} and g.trashed_at is null
      order by g.created_at desc, g.id desc limit ${MAX_SESSION_NODES}
    ) newest order by created_at, id`;
  const ids = rows.map((row) => row.id);
  const edges = await sql<SessionEdge[]>`
    select distinct a.generation_id as from, gi.generation_id as to, gi.slot
    from generation_inputs gi join assets a on a.id = gi.asset_id
    join generations parent on parent.id = a.generation_id and parent.user_id = ${userId} and parent.trashed_at is null
    where gi.generation_id = any(${ids}::uuid[]) and a.user_id = ${userId}`;
  const linked = new Set(edges.map((edge) => `${edge.from}>${edge.to}`));
  for (const row of rows) {
    if (row.parent_generation_id && !linked.has(`${row.parent_generation_id}>${row.id}`))
      edges.push({ from: row.parent_generation_id, to: row.id, slot: "parent" });
  }
  const items = await serializeGenerations(rows);
  return {
    generations: items.map((item, index) => {
      const row = rows[index] as NodeRow;
      return {
        ...item,
        input: row.input,
        cost: row.charged_credits,
        duration_seconds: row.duration_seconds === null ? null : Math.round(row.duration_seconds * 10) / 10,
        parent_generation_id: row.parent_generation_id,
      };
    }),
    edges: [...edges],
  };
}
