import "server-only";
// Image inputs may name an asset of the caller's by id; before anything is validated further or
// charged, each id becomes a signed link to that asset's file (the edge to the asset is then
// recorded like for any link to our own files). A link to one of our files that belongs to
// someone else is refused: a person's uploads and outputs are inputs for that person only.
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isAssetId } from "@/lib/models/params";
import type { ModelDefinition, ModelInput } from "@/lib/models-config";
import { ownObjectPath } from "@/lib/providers/reference-url";
import { storage } from "@/lib/storage";
import { UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";

type AssetRow = { id: string; storage_path: string; mime: string };

export async function resolveImageInputs(
  userId: string,
  model: ModelDefinition,
  input: ModelInput,
): Promise<ModelInput> {
  const resolved: Record<string, unknown> = { ...input };
  for (const param of model.params) {
    if (param.type !== "image" && param.type !== "images") continue;
    const value = input[param.name];
    if (value === undefined) continue;
    const list = Array.isArray(value);
    const refs = (list ? value : [value]) as string[];
    const out: string[] = [];
    for (const [index, ref] of refs.entries()) {
      const field = list ? `${param.name}.${index}` : param.name;
      out.push(await resolveOne(userId, ref, field));
    }
    resolved[param.name] = list ? out : out[0];
  }
  return resolved;
}

async function resolveOne(userId: string, ref: string, field: string): Promise<string> {
  if (isAssetId(ref)) {
    const [asset] = await sql<AssetRow[]>`
      select id, storage_path, mime from assets
      where id = ${ref} and user_id = ${userId} and role in ('input', 'mask', 'output')`;
    if (!asset) throw new AppError("bad_request", `${field}: no such image among your files`, { field });
    if (!asset.mime.startsWith("image/"))
      throw new AppError("bad_request", `${field}: must be an image, not ${asset.mime}`, { field });
    return storage().signedUrl(asset.storage_path, UPLOAD_URL_TTL_SECONDS);
  }
  const path = ownObjectPath(ref);
  if (path && !path.startsWith(`users/${userId}/`))
    throw new AppError("bad_request", `${field}: is another person's file`, { field });
  return ref;
}
