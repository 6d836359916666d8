import "server-only";
// What planning a user's graph needs from the database: their image assets the graph names,
// the catalog with admin overrides, and the lookup of finished results by key.
import { sql } from "@/lib/db/client";
import { findReusable } from "@/lib/db/flow-runs";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import type { PlanContext } from "@/lib/flows/plan-run";
import { runnableModels, SAVE_CATALOG } from "@/lib/flows/server-catalog";

export type AssetFact = { id: string; path: string; sha256: string };

/** The user's own assets among `ids` that have a known content hash. */
export async function ownAssets(userId: string, ids: readonly string[]): Promise<Map<string, AssetFact>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<AssetFact[]>`
    select id, storage_path as path, sha256 from assets
    where user_id = ${userId} and id = any(${ids}::uuid[]) and sha256 is not null`;
  return new Map(rows.map((r) => [r.id, r]));
}

export function assetIdsOf(graph: FlowGraph): string[] {
  return graph.nodes.flatMap((n) => (n.type === "image" && n.data.asset_id ? [n.data.asset_id] : []));
}

export async function planContext(userId: string, graph: FlowGraph): Promise<PlanContext> {
  const [model, assets] = await Promise.all([runnableModels(), ownAssets(userId, assetIdsOf(graph))]);
  return {
    graph,
    catalog: SAVE_CATALOG,
    model,
    assets,
    findReusable: (key) => findReusable(sql, userId, key),
  };
}
