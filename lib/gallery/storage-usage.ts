import "server-only";
// Bytes a user keeps in storage: every file registered as an asset (originals, thumbnails,
// uploads), the trash included until it is removed for good. An index-only sum
// (assets_user_bytes_idx).
import { sql } from "@/lib/db/client";

export async function storageUsage(userId: string): Promise<{ bytes: number; files: number }> {
  const [row] = await sql<{ bytes: number; files: number }[]>`
    select coalesce(sum(bytes), 0)::float8 as bytes, count(*)::int as files from assets where user_id = ${userId}`;
  return { bytes: row?.bytes ?? 0, files: row?.files ?? 0 };
}
