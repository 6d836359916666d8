import "server-only";
// An uploaded (already re-encoded) image becomes an input asset, once per user and content:
// the same bytes uploaded again answer the asset that exists, and nothing new is stored.
import { createHash, randomUUID } from "node:crypto";
import { sql } from "@/lib/db/client";
import { storage } from "@/lib/storage";
import type { ReencodedImage } from "@/lib/uploads/reencode-image";

export type UploadAsset = {
  asset_id: string;
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
};

type AssetRow = {
  id: string;
  storage_path: string;
  mime: string;
  width: number;
  height: number;
  bytes: string;
};

const toUpload = (row: AssetRow): UploadAsset => ({
  asset_id: row.id,
  path: row.storage_path,
  mime: row.mime,
  width: row.width,
  height: row.height,
  bytes: Number(row.bytes),
});

async function findBySha(userId: string, sha256: string): Promise<AssetRow | null> {
  const [row] = await sql<AssetRow[]>`
    select id, storage_path, mime, width, height, bytes from assets
    where user_id = ${userId} and sha256 = ${sha256} and role in ('input', 'mask')`;
  return row ?? null;
}

export type UploadRole = "input" | "mask";

/**
 * Stores the image under the user unless the same bytes are there already; returns its asset.
 * A mask (white = change) is kept with role `mask`; the same bytes as an earlier input stay that asset.
 */
export async function registerUpload(
  userId: string,
  image: ReencodedImage,
  role: UploadRole = "input",
): Promise<UploadAsset> {
  const sha256 = createHash("sha256").update(image.out).digest("hex");
  const existing = await findBySha(userId, sha256);
  if (existing) return toUpload(existing);
  const path = `users/${userId}/uploads/${randomUUID()}.${image.ext}`;
  await storage().putBuffer(path, image.out, { contentType: image.mime });
  const [row] = await sql<AssetRow[]>`
    insert into assets (user_id, role, storage_path, mime, width, height, bytes, sha256)
    values (${userId}, ${role}, ${path}, ${image.mime}, ${image.width}, ${image.height}, ${image.out.length}, ${sha256})
    on conflict (user_id, sha256) where role in ('input', 'mask') and sha256 is not null do nothing
    returning id, storage_path, mime, width, height, bytes`;
  if (row) return toUpload(row);
  // The same bytes arrived in parallel and were registered first: theirs is the asset.
  await storage()
    .delete([path])
    .catch(() => {});
  const winner = await findBySha(userId, sha256);
  if (!winner) throw new Error("upload asset vanished");
  return toUpload(winner);
}
