import "server-only";
// The uploads table (supabase/migrations/20261130128000_uploads.sql): one row per slot. Every
// query names the owner; state changes are single statements guarded by the current state.
import { sql } from "@/lib/db/client";
import { MAX_OPEN_UPLOADS, type UploadedImage, type UploadKind } from "@/lib/uploads/limits";

export type UploadRow = {
  id: string;
  user_id: string;
  kind: UploadKind;
  name: string;
  max_bytes: number;
  incoming_path: string;
  status: "pending" | "completed";
  result: UploadedImage | null;
  expires_at: Date;
  cleared_at: Date | null;
};

export type NewUpload = {
  id: string;
  userId: string;
  kind: UploadKind;
  name: string;
  declaredType: string;
  declaredBytes: number;
  maxBytes: number;
  incomingPath: string;
  expiresAt: Date;
};

const COLUMNS = sql`id, user_id, kind, name, max_bytes::float8 as max_bytes, incoming_path, status, result,
  expires_at, cleared_at`;

/**
 * Inserts a slot unless the owner already holds MAX_OPEN_UPLOADS open ones; false when over.
 * The owner's profile row is locked for the count, so parallel requests cannot both pass it.
 */
export async function insertUpload(u: NewUpload): Promise<boolean> {
  return sql.begin(async (tx) => {
    await tx`select 1 from profiles where id = ${u.userId} for update`;
    const [open] = await tx<{ n: number }[]>`
      select count(*)::int as n from uploads
      where user_id = ${u.userId} and status = 'pending' and expires_at > now()`;
    if ((open?.n ?? 0) >= MAX_OPEN_UPLOADS) return false;
    await tx`
      insert into uploads (id, user_id, kind, name, declared_type, declared_bytes, max_bytes, incoming_path,
                           expires_at)
      values (${u.id}, ${u.userId}, ${u.kind}, ${u.name}, ${u.declaredType}, ${u.declaredBytes}, ${u.maxBytes},
              ${u.incomingPath}, ${u.expiresAt})`;
    return true;
  });
}

export async function findUpload(id: string, userId: string): Promise<UploadRow | null> {
  const [row] = await sql<UploadRow[]>`
    select ${COLUMNS} from uploads where id = ${id} and user_id = ${userId}`;
  return row ?? null;
}

/** Stores the answer once; false when another completion got there first. */
export async function markCompleted(id: string, userId: string, result: UploadedImage): Promise<boolean> {
  const rows = await sql`
    update uploads set status = 'completed', result = ${sql.json(result)}, completed_at = now()
    where id = ${id} and user_id = ${userId} and status = 'pending'
    returning id`;
  return rows.length > 0;
}

export async function markCleared(id: string): Promise<void> {
  await sql`update uploads set cleared_at = coalesce(cleared_at, now()) where id = ${id}`;
}

/** Slots whose incoming object may still exist, past their expiry (plus a grace for late writes). */
export async function unclearedExpiredUploads(graceSeconds: number, limit: number): Promise<UploadRow[]> {
  return sql<UploadRow[]>`
    select ${COLUMNS} from uploads
    where cleared_at is null and expires_at < now() - make_interval(secs => ${graceSeconds})
    order by expires_at limit ${limit}`;
}

/** Whether a slot may still start an upload: pending, not cleared, not expired. */
export async function isUploadOpen(id: string, userId: string): Promise<boolean> {
  const rows = await sql`
    select 1 from uploads
    where id = ${id} and user_id = ${userId} and status = 'pending' and cleared_at is null and expires_at > now()`;
  return rows.length > 0;
}
