import "server-only";
// Stills for video outputs stored before the pipeline made them (one `generation.video-stills`
// job per such generation, enqueued by a migration). Each video is read back from storage into
// a scratch file, given its poster, last frame, size and length by the pipeline's own code, and
// recorded in one statement that only applies while the output still has no poster: a repeated
// or overlapping run changes nothing twice, and a run that loses removes the files it wrote.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { sql } from "@/lib/db/client";
import { OUTPUT_LIMITS } from "@/lib/generations/media-limits";
import type { GenerationRow, StoredOutput } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { DEFAULT_VIDEO_TIMEOUT_MS } from "@/lib/media/process-file";
import { getMediaSemaphore } from "@/lib/media/semaphore";
import { copyStoredObject } from "@/lib/media/video/copy-stored-object";
import { withTempDir } from "@/lib/media/video/temp-dir";
import { makeVideoStills, type VideoStills } from "@/lib/media/video/video-stills";
import { storage } from "@/lib/storage";

export async function backfillVideoStills(generationId: string, log: Logger): Promise<void> {
  const [row] = await sql<Pick<GenerationRow, "id" | "user_id" | "outputs">[]>`
    select id, user_id, outputs from generations where id = ${generationId} and status = 'completed'`;
  if (!row) return;
  for (const [index, output] of row.outputs.entries()) {
    if (!output.mime.startsWith("video/") || output.thumb_path) continue;
    await backfillOutput(row, index, output, log);
  }
}

async function backfillOutput(
  row: Pick<GenerationRow, "id" | "user_id">,
  index: number,
  output: StoredOutput,
  log: Logger,
): Promise<void> {
  const written: string[] = [];
  // Names of their own, so they never meet another run's files (the row names the winner's).
  const base = `${output.path.slice(0, -path.extname(output.path).length || undefined)}.${randomBytes(4).toString("hex")}`;
  const stills = await withTempDir(async (dir) => {
    const file = path.join(dir, `video${path.extname(output.path)}`);
    try {
      await copyStoredObject(output.path, file, {
        maxBytes: OUTPUT_LIMITS.videoMaxBytes,
        timeoutMs: DEFAULT_VIDEO_TIMEOUT_MS,
      });
    } catch (error) {
      log.warn("video poster failed", {
        generationId: row.id,
        reason: `stored video unreadable: ${String(error)}`,
      });
      return null;
    }
    return makeVideoStills(
      {
        generationId: row.id,
        permits: getMediaSemaphore(),
        store: async (objectPath, data, contentType) => {
          written.push(objectPath);
          await storage().putBuffer(objectPath, data, { contentType });
        },
        log,
      },
      file,
      base,
    );
  });
  if (!stills?.poster) {
    await removeFiles(written, row.id, log);
    return;
  }
  if (!(await record(row, index, output, stills))) {
    await removeFiles(written, row.id, log);
    return;
  }
  log.info("video stills backfilled", { generationId: row.id, index });
}

async function record(
  row: Pick<GenerationRow, "id" | "user_id">,
  index: number,
  output: StoredOutput,
  stills: VideoStills,
): Promise<boolean> {
  const { poster, lastFrame } = stills;
  if (!poster) return false;
  const thumbAssetId = randomUUID();
  const frameAssetId = lastFrame ? randomUUID() : null;
  const patch = {
    thumb_path: poster.path,
    thumb_asset_id: thumbAssetId,
    width: stills.width,
    height: stills.height,
    duration_seconds: stills.durationSeconds,
    last_frame_path: lastFrame?.path ?? null,
    last_frame_asset_id: frameAssetId,
  };
  return sql.begin(async (tx) => {
    const [updated] = await tx`
      update generations
      set outputs = jsonb_set(outputs, array[${String(index)}], (outputs -> ${index}::int) || ${tx.json(patch)}::jsonb),
        updated_at = now()
      where id = ${row.id} and status = 'completed'
        and outputs -> ${index}::int ->> 'path' = ${output.path}
        and outputs -> ${index}::int ->> 'thumb_path' is null
      returning id`;
    if (!updated) return false;
    const [original] = await tx<{ id: string }[]>`
      update assets set width = ${stills.width}, height = ${stills.height},
        duration_seconds = coalesce(${stills.durationSeconds}, duration_seconds)
      where storage_path = ${output.path} and user_id = ${row.user_id}
      returning id`;
    const insert = (id: string, role: string, still: typeof poster, mime: string) => tx`
      insert into assets (id, user_id, role, storage_path, mime, width, height, bytes, sha256,
                          generation_id, original_asset_id)
      values (${id}, ${row.user_id}, ${role}, ${still.path}, ${mime}, ${still.width}, ${still.height},
              ${still.bytes}, ${still.sha256}, ${row.id}, ${original?.id ?? null})`;
    await insert(thumbAssetId, "thumbnail", poster, "image/webp");
    if (lastFrame && frameAssetId) await insert(frameAssetId, "frame", lastFrame, "image/jpeg");
    return true;
  });
}

async function removeFiles(paths: string[], generationId: string, log: Logger): Promise<void> {
  if (paths.length === 0) return;
  await storage()
    .delete(paths)
    .catch((error) => log.error("could not delete files", { generationId, paths, error }));
}
