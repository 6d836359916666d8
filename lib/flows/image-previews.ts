import "server-only";
// What the editor shows in an Image node: a link to the picture signed when the flow is read,
// never one stored in the graph. Keyed by what the node names (its asset id, or an older
// graph's link); a thumbnail where the file has one.
import { sql } from "@/lib/db/client";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import { graphImages } from "@/lib/flows/image-ref";
import { signedUrlsOf } from "@/lib/generations/serialize";

export async function imagePreviews(userId: string, graph: FlowGraph): Promise<Record<string, string>> {
  const { byId, byLink } = await graphImages(userId, graph);
  const named = [...byId.entries(), ...byLink.entries()];
  if (named.length === 0) return {};
  const thumbs = await sql<{ original: string; path: string }[]>`
    select original_asset_id as original, storage_path as path from assets
    where user_id = ${userId} and role = 'thumbnail'
      and original_asset_id = any(${named.map(([, a]) => a.id)}::uuid[])`;
  const thumbOf = new Map(thumbs.map((t) => [t.original, t.path]));
  const pathOf = (id: string, path: string) => thumbOf.get(id) ?? path;
  const urls = await signedUrlsOf(named.map(([, a]) => pathOf(a.id, a.path)));
  return Object.fromEntries(named.map(([key, a]) => [key, urls.get(pathOf(a.id, a.path)) as string]));
}
