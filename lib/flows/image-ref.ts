import "server-only";
// An Image node names its picture by asset id. Graphs saved before that named it by a signed
// link to our own files, which expires; such a link still names the file (its path, with a
// signature we can check whatever its age), so it resolves to the person's own asset too. Plan,
// run and the editor's previews all go through here, and sign a fresh link when they need one.
import { sql } from "@/lib/db/client";
import { mode, sessionSecret } from "@/lib/env";
import type { FlowGraph, NodeOf } from "@/lib/flows/graph-schema";
import { ownObjectPath } from "@/lib/providers/reference-url";
import { FILES_ROUTE_PREFIX, verifyFileSignature } from "@/lib/storage/signed-url";

export type AssetFact = { id: string; path: string; sha256: string };

/** The user's assets the graph's Image nodes name: by asset id, and (older graphs) by link. */
export type GraphImages = { byId: Map<string, AssetFact>; byLink: Map<string, AssetFact> };

export const NO_IMAGES: GraphImages = { byId: new Map(), byLink: new Map() };

/** The storage object a link to our own files names, expired or not; null for anyone else's URL. */
export function linkedObjectPath(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (mode.storage === "local") {
    if (!url.pathname.startsWith(FILES_ROUTE_PREFIX)) return null;
    const objectPath = url.pathname.slice(FILES_ROUTE_PREFIX.length);
    // Checked as of the epoch: an authentic link that has since expired still names its file.
    const check = verifyFileSignature({
      secret: sessionSecret(),
      objectPath,
      exp: url.searchParams.get("exp"),
      sig: url.searchParams.get("sig"),
      now: 0,
    });
    return check.ok ? objectPath : null;
  }
  return ownObjectPath(link);
}

const imageNodes = (graph: FlowGraph) => graph.nodes.filter((n): n is NodeOf<"image"> => n.type === "image");

export async function graphImages(userId: string, graph: FlowGraph): Promise<GraphImages> {
  const ids: string[] = [];
  const links = new Map<string, string>();
  for (const node of imageNodes(graph)) {
    if (node.data.asset_id) ids.push(node.data.asset_id);
    else if (node.data.url) {
      const path = linkedObjectPath(node.data.url);
      if (path) links.set(node.data.url, path);
    }
  }
  if (ids.length === 0 && links.size === 0) return NO_IMAGES;
  const rows = await sql<AssetFact[]>`
    select id, storage_path as path, sha256 from assets
    where user_id = ${userId} and sha256 is not null and mime like 'image/%'
      and (id = any(${ids}::uuid[]) or storage_path = any(${[...links.values()]}::text[]))`;
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const byLink = new Map<string, AssetFact>();
  for (const [link, path] of links) {
    const asset = byPath.get(path);
    if (asset) byLink.set(link, asset);
  }
  return { byId: new Map(rows.filter((r) => ids.includes(r.id)).map((r) => [r.id, r])), byLink };
}
