import "server-only";
// What planning a user's graph needs from the database: their images the graph names, the
// catalog with admin overrides, and the lookup of finished results by key.
import { sql } from "@/lib/db/client";
import { findReusable } from "@/lib/db/flow-runs";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import { graphImages } from "@/lib/flows/image-ref";
import type { PlanContext } from "@/lib/flows/plan-run";
import { runnableModels, SAVE_CATALOG } from "@/lib/flows/server-catalog";

export async function planContext(userId: string, graph: FlowGraph): Promise<PlanContext> {
  const [model, images] = await Promise.all([runnableModels(), graphImages(userId, graph)]);
  return {
    graph,
    catalog: SAVE_CATALOG,
    model,
    images,
    findReusable: (key) => findReusable(sql, userId, key),
  };
}
