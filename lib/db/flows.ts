import "server-only";
// Flow rows and their versions. Every query names the owner: someone else's flow is not found.
import type { Sql, TransactionSql } from "postgres";
import { sql } from "@/lib/db/client";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import { canonicalJson, sha256Hex } from "@/lib/flows/node-key";

type Db = Sql | TransactionSql;

export type FlowRow = {
  id: string;
  user_id: string;
  name: string;
  graph: FlowGraph;
  revision: number;
  created_at: Date;
  updated_at: Date;
};

export type FlowVersionRow = {
  id: string;
  flow_id: string;
  name: string | null;
  graph: FlowGraph;
  created_at: Date;
};

export async function insertFlow(userId: string, name: string, graph: FlowGraph): Promise<FlowRow> {
  const [row] = await sql<FlowRow[]>`
    insert into flows (user_id, name, graph) values (${userId}, ${name}, ${sql.json(graph as never)})
    returning *`;
  if (!row) throw new Error("flow insert returned no row");
  return row;
}

export async function getFlowForUser(id: string, userId: string, db: Db = sql): Promise<FlowRow | null> {
  const [row] = await db<FlowRow[]>`select * from flows where id = ${id} and user_id = ${userId}`;
  return row ?? null;
}

export type FlowUpdate = { name?: string; graph?: FlowGraph; revision?: number };

/** The saved row; null when not the user's, "conflict" when `revision` is not the current one. */
export async function updateFlow(
  id: string,
  userId: string,
  change: FlowUpdate,
): Promise<FlowRow | null | "conflict"> {
  const [row] = await sql<FlowRow[]>`
    update flows set
      name = coalesce(${change.name ?? null}, name),
      graph = coalesce(${change.graph ? sql.json(change.graph as never) : null}::jsonb, graph),
      revision = revision + 1, updated_at = now()
    where id = ${id} and user_id = ${userId}
      ${change.revision === undefined ? sql`` : sql`and revision = ${change.revision}`}
    returning *`;
  if (row) return row;
  if (change.revision === undefined) return null;
  return (await getFlowForUser(id, userId)) ? "conflict" : null;
}

/** Deletes a flow with no running run (whose reservation must be released first). */
export async function deleteFlowRow(id: string, userId: string): Promise<boolean> {
  const rows = await sql`
    delete from flows f where f.id = ${id} and f.user_id = ${userId}
      and not exists (select 1 from flow_runs r where r.flow_id = f.id and r.status = 'running')
    returning id`;
  return rows.length > 0;
}

export const graphSha = (graph: FlowGraph) => sha256Hex(canonicalJson(graph));

/** A named snapshot of the flow's graph as saved now. */
export async function insertNamedVersion(flow: FlowRow, name: string): Promise<FlowVersionRow> {
  const [row] = await sql<FlowVersionRow[]>`
    insert into flow_versions (flow_id, user_id, name, graph, graph_sha256)
    values (${flow.id}, ${flow.user_id}, ${name}, ${sql.json(flow.graph as never)}, ${graphSha(flow.graph)})
    returning id, flow_id, name, graph, created_at`;
  if (!row) throw new Error("version insert returned no row");
  return row;
}

/**
 * The version a run records: the newest named one with exactly this graph, else the flow's one
 * unnamed snapshot of it (made now if it is new).
 */
export async function versionForRun(tx: TransactionSql, flow: FlowRow, graph: FlowGraph): Promise<string> {
  const sha = graphSha(graph);
  const [named] = await tx<{ id: string }[]>`
    select id from flow_versions where flow_id = ${flow.id} and graph_sha256 = ${sha} and name is not null
    order by created_at desc limit 1`;
  if (named) return named.id;
  const [row] = await tx<{ id: string }[]>`
    with added as (
      insert into flow_versions (flow_id, user_id, name, graph, graph_sha256)
      values (${flow.id}, ${flow.user_id}, null, ${tx.json(graph as never)}, ${sha})
      on conflict (flow_id, graph_sha256) where name is null do nothing
      returning id)
    select id from added
    union all
    select id from flow_versions where flow_id = ${flow.id} and graph_sha256 = ${sha} and name is null
    limit 1`;
  if (!row) throw new Error("version upsert returned no row");
  return row.id;
}

export async function listNamedVersions(
  flowId: string,
  userId: string,
): Promise<Omit<FlowVersionRow, "graph">[]> {
  return sql<Omit<FlowVersionRow, "graph">[]>`
    select id, flow_id, name, created_at from flow_versions
    where flow_id = ${flowId} and user_id = ${userId} and name is not null
    order by created_at desc limit 200`;
}

export async function getVersionForUser(
  id: string,
  flowId: string,
  userId: string,
): Promise<FlowVersionRow | null> {
  const [row] = await sql<FlowVersionRow[]>`
    select id, flow_id, name, graph, created_at from flow_versions
    where id = ${id} and flow_id = ${flowId} and user_id = ${userId}`;
  return row ?? null;
}
