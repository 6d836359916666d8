// Local storage writes every object to a hidden temp file beside its target and renames it
// into place (lib/storage/local.ts), so an object is whole or absent. A process that dies
// mid-write leaves the temp file behind; these are swept when the app starts and by the
// reconciler. Nothing else partial can exist: objects only ever appear through the rename.
import type { Dirent } from "node:fs";
import { lstat, readdir, unlink } from "node:fs/promises";
import path from "node:path";

export const TEMP_PREFIX = ".tmp-";

/**
 * Age past which a temp file cannot belong to a write in progress. The longest write is a
 * streamed video under its 10-minute download deadline (DEFAULT_VIDEO_TIMEOUT_MS), and a file
 * being written has its mtime moved by every chunk anyway.
 */
export const TEMP_FILE_MAX_AGE_MS = 30 * 60_000;

/**
 * Removes temp files under `root` last modified more than `olderThanMs` ago; returns how many.
 * Symlinks are never followed (a link is neither a directory nor a file to a Dirent).
 */
export async function removeStaleTempFiles(
  root: string,
  olderThanMs = TEMP_FILE_MAX_AGE_MS,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  const directories = [root];
  for (let dir = directories.pop(); dir !== undefined; dir = directories.pop()) {
    for (const entry of await entriesOf(dir)) {
      const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
      if (entry.isDirectory()) directories.push(full);
      else if (
        entry.isFile() &&
        entry.name.startsWith(TEMP_PREFIX) &&
        (await isStale(full, now - olderThanMs))
      )
        removed += await unlink(full).then(
          () => 1,
          // Renamed into place or removed by another sweep meanwhile.
          (error) => (isMissing(error) ? 0 : Promise.reject(error)),
        );
    }
  }
  return removed;
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The root not created yet, or a directory removed while walking.
    if (isMissing(error)) return [];
    throw error;
  }
}

async function isStale(file: string, cutoffMs: number): Promise<boolean> {
  try {
    return (await lstat(file)).mtimeMs < cutoffMs;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
