import "server-only";
// The storage port for this runtime: Supabase Storage when Supabase is configured, otherwise
// files under `${DATA_DIR}/storage` served by /api/files.
import path from "node:path";
import { env, mode, sessionSecret } from "@/lib/env";
import { createLocalStorage, type LocalStorage } from "@/lib/storage/local";
import { createSupabaseStorage } from "@/lib/storage/supabase";
import { removeStaleTempFiles } from "@/lib/storage/temp-files";
import type { StoragePort } from "@/lib/storage/types";
import { supabaseAdmin } from "@/lib/supabase/admin";

export { InvalidObjectPathError, StorageLimitError } from "@/lib/storage/paths";
export type { PutOptions, StoragePort, StoredObject } from "@/lib/storage/types";

let port: StoragePort | undefined;
let local: LocalStorage | undefined;

export function storage(): StoragePort {
  port ??=
    mode.storage === "supabase"
      ? createSupabaseStorage(supabaseAdmin(), env.SUPABASE_STORAGE_BUCKET)
      : localFiles();
  return port;
}

/** The local adapter, whatever the mode; the file route uses it only in local storage mode. */
export function localFiles(): LocalStorage {
  local ??= createLocalStorage({
    root: path.join(env.DATA_DIR, "storage"),
    secret: sessionSecret,
    baseUrl: env.APP_URL,
  });
  return local;
}

/**
 * Removes temp files a crash left in local storage, only those too old to be a write in
 * progress; returns how many. Supabase Storage has none to sweep: an upload is one request
 * that commits the whole object or nothing.
 */
export async function sweepStaleTempFiles(): Promise<number> {
  if (mode.storage !== "local") return 0;
  return removeStaleTempFiles(localFiles().root);
}
