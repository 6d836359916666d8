import "server-only";
// Raw uploads waiting under users/<id>/incoming/ in whichever storage this runtime uses: read
// back with a size cap when the browser says it is done, and removed once completed, refused
// or abandoned.
import { env, mode } from "@/lib/env";
import { localFiles, storage } from "@/lib/storage";
import { type ObjectRead, readSupabaseObject } from "@/lib/storage/supabase-uploads";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { localTusRecords } from "@/lib/uploads/local-tus";

/** "incomplete": the local tus upload has fewer bytes than it declared (Storage shows nothing until whole). */
export type IncomingRead = ObjectRead | { state: "incomplete" };

export function incomingPath(userId: string, uploadId: string): string {
  return `users/${userId}/incoming/${uploadId}`;
}

export async function readIncoming(objectPath: string, maxBytes: number): Promise<IncomingRead> {
  if (mode.storage === "supabase")
    return readSupabaseObject(supabaseAdmin(), env.SUPABASE_STORAGE_BUCKET, objectPath, maxBytes);
  const opened = await localFiles().openRead(objectPath);
  if (!opened) return { state: "missing" };
  try {
    const record = await localTusRecords().get(objectPath);
    if (record?.size !== undefined && opened.size < record.size) return { state: "incomplete" };
    if (opened.size > maxBytes) return { state: "too_large", bytes: opened.size };
    return { state: "ready", data: await opened.handle.readFile() };
  } finally {
    await opened.handle.close();
  }
}

export async function deleteIncoming(objectPath: string): Promise<void> {
  await storage().delete([objectPath]);
  if (mode.storage === "local") await localTusRecords().delete(objectPath);
}
