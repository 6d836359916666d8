import "server-only";
// A generation's inputs as assets. At create, links to the user's own files (uploads, earlier
// outputs) are mapped to their assets and recorded as edges with the row; at submit, each edge
// gets a fresh signed URL, so the provider never sees a link older than the job, and a retry
// days later works. Links to other people's files and external URLs stay URLs.
import type { Sql, TransactionSql } from "postgres";
import { type InputSlot, slotOf } from "@/lib/assets/slots";
import { sql } from "@/lib/db/client";
import type { GenerationRow } from "@/lib/generations/types";
import type { ModelDefinition, ModelInput } from "@/lib/models-config";
import { ownObjectPath } from "@/lib/providers/reference-url";
import { storage } from "@/lib/storage";
import { UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";

export type InputEdge = { param: string; position: number; slot: InputSlot; assetId: string };

/** The assets a validated input's own file links name, with where each goes. */
export async function inputAssets(
  userId: string,
  model: ModelDefinition,
  input: ModelInput,
): Promise<InputEdge[]> {
  const wanted: Omit<InputEdge, "assetId">[] = [];
  const paths: string[] = [];
  for (const param of model.params) {
    if (param.type !== "image" && param.type !== "images") continue;
    const value = input[param.name];
    const urls = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    for (const [position, url] of urls.entries()) {
      const path = typeof url === "string" ? ownObjectPath(url) : null;
      if (!path) continue;
      wanted.push({
        param: param.name,
        position,
        slot: slotOf(param.name),
      });
      paths.push(path);
    }
  }
  if (paths.length === 0) return [];
  const rows = await sql<{ id: string; storage_path: string }[]>`
    select id, storage_path from assets where user_id = ${userId} and storage_path = any(${paths}::text[])`;
  const byPath = new Map(rows.map((r) => [r.storage_path, r.id]));
  return wanted.flatMap((w, i) => {
    const assetId = byPath.get(paths[i] as string);
    return assetId ? [{ ...w, assetId }] : [];
  });
}

export async function recordInputs(db: Sql | TransactionSql, generationId: string, edges: InputEdge[]) {
  for (const e of edges) {
    await db`
      insert into generation_inputs (generation_id, param, position, slot, asset_id)
      values (${generationId}, ${e.param}, ${e.position}, ${e.slot}, ${e.assetId})`;
  }
}

/** The generation's input with a fresh signed URL in place of every asset it consumed. */
export async function freshInput(
  generation: Pick<GenerationRow, "id" | "input">,
): Promise<Record<string, unknown>> {
  const rows = await sql<{ param: string; position: number; storage_path: string }[]>`
    select gi.param, gi.position, a.storage_path
    from generation_inputs gi join assets a on a.id = gi.asset_id
    where gi.generation_id = ${generation.id}`;
  const input: Record<string, unknown> = structuredClone(generation.input);
  for (const row of rows) {
    const url = await storage().signedUrl(row.storage_path, UPLOAD_URL_TTL_SECONDS);
    const current = input[row.param];
    if (Array.isArray(current)) current[row.position] = url;
    else input[row.param] = url;
  }
  return input;
}
