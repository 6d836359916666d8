import "server-only";
// Where the local tus endpoint keeps each upload's record (declared length, creation time):
// one JSON file per upload in a hidden folder of the storage root, out of the object namespace
// (object paths never start a segment with a dot, lib/storage/paths.ts), so no object path and
// no signed URL can reach it.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { KvStore, Upload } from "@tus/server";
import { assertObjectPath } from "@/lib/storage/paths";

export const TUS_RECORDS_DIR = ".tus-uploads";

export function createTusConfigStore(
  storageRoot: string,
): KvStore<Upload> & { recordOf(key: string): string } {
  const dir = path.join(storageRoot, TUS_RECORDS_DIR);
  // Keys are object paths; `/` becomes `+`, which object paths never contain.
  const recordOf = (key: string) => path.join(dir, `${assertObjectPath(key).replaceAll("/", "+")}.json`);
  return {
    recordOf,
    async get(key) {
      try {
        return JSON.parse(await readFile(recordOf(key), "utf8")) as Upload;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      await mkdir(dir, { recursive: true });
      await writeFile(recordOf(key), JSON.stringify(value));
    },
    async delete(key) {
      await rm(recordOf(key), { force: true });
    },
  };
}
