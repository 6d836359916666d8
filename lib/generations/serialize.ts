import "server-only";
// What clients see of a generation: no storage paths, signed URLs instead. URLs expire at
// the end of the next whole hour, so they stay identical between polls within an hour
// (browsers keep thumbnails cached) and the list ETag only needs the hour.
import { sql } from "@/lib/db/client";
import type { ListRow } from "@/lib/db/generation-list";
import { type UtcTimestamp, utcIso } from "@/lib/db/utc-timestamp";
import type { ProviderStatus } from "@/lib/generations/status";
import {
  type GenerationRow,
  type GenerationStatus,
  isTextOutput,
  outputObjectPaths,
} from "@/lib/generations/types";
import type { ModelKind } from "@/lib/models-config";
import { storage } from "@/lib/storage";

const URL_BUCKET_SECONDS = 60 * 60;

export function urlBucket(nowMs = Date.now()): number {
  return Math.floor(nowMs / 1000 / URL_BUCKET_SECONDS);
}

export type PublicOutput = {
  asset_id: string | null;
  /** A signed file URL; for a text output, a `data:text/plain` URL of its text. */
  url: string;
  /** A WebP still within 512 px: an image's thumbnail, a video's poster (its first frame). */
  thumbnail_url: string | null;
  mime: string;
  width: number | null;
  height: number | null;
  /** A video's length in seconds; null for images and videos whose length is unknown. */
  duration: number | null;
  /** A video's last frame at full size, to start the next clip from; null otherwise. */
  last_frame_asset_id: string | null;
  last_frame_url: string | null;
  /** Text outputs only: the text and which part of the answer it is. */
  text?: string;
  label?: string;
};

export type PublicGeneration = {
  id: string;
  model: string;
  provider: string;
  kind: ModelKind;
  status: GenerationStatus;
  /**
   * What the provider last said about the running job (queued, starting, processing), when its
   * run started and how far it is (0–1). Always sent; optional for the browser's placeholders.
   */
  provider_status?: ProviderStatus | null;
  started_at?: string | null;
  progress?: number | null;
  prompt: string | null;
  error: string | null;
  outputs: PublicOutput[];
  created_at: string;
  completed_at: string | null;
  starred: boolean;
  tags: string[];
  session_id: string | null;
  /** When it went to the trash; null outside it. */
  trashed_at: string | null;
};

type Timestamp = Date | UtcTimestamp;

/** A row to show: the list's (timestamps as UTC text) or one read whole (timestamps as Dates). */
export type SerializableRow = Omit<ListRow, "created_at" | "completed_at" | "started_at" | "trashed_at"> & {
  created_at: Timestamp;
  completed_at: Timestamp | null;
  started_at: Timestamp | null;
  trashed_at: Timestamp | null;
};

function iso(value: Timestamp): string;
function iso(value: Timestamp | null): string | null;
function iso(value: Timestamp | null): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? utcIso(value) : value.toISOString();
}

// Signed URLs are the same for a whole hour, so each is made once per hour and process: a
// polled list re-signs nothing, and in Supabase mode that saves a Storage call per file.
const MAX_CACHED_URLS = 20_000;
const signedUrls = { bucket: -1, byPath: new Map<string, string>() };

/** This hour's cache, emptied when the hour turns or it is full. */
function urlCache(bucket: number): Map<string, string> {
  if (bucket !== signedUrls.bucket || signedUrls.byPath.size >= MAX_CACHED_URLS) {
    signedUrls.bucket = bucket;
    signedUrls.byPath.clear();
  }
  return signedUrls.byPath;
}

async function signAndCache(path: string, bucket: number, nowMs: number): Promise<string> {
  const expiresIn = (bucket + 2) * URL_BUCKET_SECONDS - Math.floor(nowMs / 1000);
  const url = await storage().signedUrl(path, expiresIn);
  urlCache(bucket).set(path, url);
  return url;
}

/** Signs every file of the rows first, so building a page of items awaits once, not twice per file. */
function signedUrlsFor(rows: readonly SerializableRow[], nowMs: number): Promise<Map<string, string>> {
  const paths: string[] = [];
  for (const row of rows) for (const output of row.outputs) paths.push(...outputObjectPaths(output));
  return signedUrlsOf(paths, nowMs);
}

/**
 * Signed URLs of storage paths in one pass, each made once per hour and process like a page's.
 * Cached URLs are taken as they are: a polled page awaits nothing.
 */
export async function signedUrlsOf(
  paths: Iterable<string>,
  nowMs = Date.now(),
): Promise<Map<string, string>> {
  const bucket = urlBucket(nowMs);
  const cache = urlCache(bucket);
  const urls = new Map<string, string>();
  const missing = new Set<string>();
  for (const path of paths) {
    const url = cache.get(path);
    if (url) urls.set(path, url);
    else missing.add(path);
  }
  if (missing.size > 0)
    await Promise.all(
      [...missing].map(async (path) => urls.set(path, await signAndCache(path, bucket, nowMs))),
    );
  return urls;
}

function toPublic(row: SerializableRow, urls: Map<string, string>): PublicGeneration {
  return {
    id: row.id,
    model: row.model_id,
    provider: row.provider,
    kind: row.kind,
    status: row.status,
    provider_status: row.provider_status,
    started_at: iso(row.started_at),
    progress: row.progress,
    prompt: row.prompt,
    error: row.error,
    outputs: row.outputs.map((output) =>
      isTextOutput(output)
        ? {
            asset_id: null,
            url: `data:text/plain;charset=utf-8,${encodeURIComponent(output.text)}`,
            thumbnail_url: null,
            mime: output.mime,
            width: null,
            height: null,
            duration: null,
            last_frame_asset_id: null,
            last_frame_url: null,
            text: output.text,
            label: output.label,
          }
        : {
            asset_id: output.asset_id ?? null,
            url: urls.get(output.path) as string,
            thumbnail_url: output.thumb_path ? (urls.get(output.thumb_path) as string) : null,
            mime: output.mime,
            width: output.width,
            height: output.height,
            duration: output.duration_seconds ?? null,
            last_frame_asset_id: output.last_frame_asset_id ?? null,
            last_frame_url: output.last_frame_path ? (urls.get(output.last_frame_path) as string) : null,
          },
    ),
    created_at: iso(row.created_at),
    completed_at: iso(row.completed_at),
    starred: row.starred,
    tags: row.tags,
    session_id: row.workspace_id,
    trashed_at: iso(row.trashed_at),
  };
}

export async function serializeGenerations(
  rows: readonly SerializableRow[],
  nowMs = Date.now(),
): Promise<PublicGeneration[]> {
  const urls = await signedUrlsFor(rows, nowMs);
  return rows.map((row) => toPublic(row, urls));
}

export async function serializeGeneration(
  row: SerializableRow,
  nowMs = Date.now(),
): Promise<PublicGeneration> {
  const [item] = await serializeGenerations([row], nowMs);
  return item as PublicGeneration;
}

export type PublicGenerationDetail = Awaited<ReturnType<typeof serializeGenerationDetail>>;

/** The full record for the result page: adds the input and timings. */
export async function serializeGenerationDetail(row: GenerationRow) {
  return {
    ...(await serializeGeneration(row)),
    input: row.input,
    receipt: {
      estimated_credits: row.estimated_credits,
      charged_credits: row.charged_credits,
      refunded: (row.status === "failed" || row.status === "canceled") && row.charged_credits > 0,
    },
    parent_generation_id: row.parent_generation_id,
    submitted_at: row.submitted_at?.toISOString() ?? null,
    latest_log: row.latest_log,
    flow: await flowOrigin(row),
  };
}

/** The flow run and node a generation was a step of, for a link back to the flow. */
async function flowOrigin(row: GenerationRow) {
  if (!row.flow_run_id || !row.node_id) return null;
  const [run] = await sql<{ flow_id: string }[]>`select flow_id from flow_runs where id = ${row.flow_run_id}`;
  return run ? { flow_id: run.flow_id, run_id: row.flow_run_id, node_id: row.node_id } : null;
}
