// Upload limits and the upload reply, shared by the routes (server) and the uploader (browser).
// The per-kind size limits themselves are configured on the server (UPLOAD_MAX_IMAGE_MB, read by
// lib/uploads/max-bytes.ts); the browser learns them from the slot it is given.
//
// Supabase plans bound them from above: Free refuses any file over 50 MB (its global file
// limit), Pro lets the project raise that limit (up to 500 GB). A limit above the project's is
// never reached: Storage refuses the upload first.

/** Files one multipart request to /api/upload may carry, and room a form offers at most. */
export const MAX_UPLOAD_FILES = 14;
/** Slots a person may hold open at once (asked for, not completed, not expired). */
export const MAX_OPEN_UPLOADS = 2 * MAX_UPLOAD_FILES;

export const UPLOAD_KINDS = ["image"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** Defaults of the per-kind limits, in MB (lib/env.ts validates the overrides). */
export const DEFAULT_MAX_MB: Record<UploadKind, number> = { image: 10 };

/** Declared types the image uploader accepts; the bytes decide in the end (lib/media/sniff.ts). */
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"] as const;

/**
 * Bytes per tus PATCH. Supabase Storage requires exactly 6 MB chunks (except the last), and
 * the local endpoint refuses a larger request body.
 */
export const TUS_CHUNK_BYTES = 6 * 1024 * 1024;

export const MB = 1024 * 1024;

export function describeBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export type UploadedImage = {
  /** The stored file's asset: what a generation's input refers to. */
  asset_id: string;
  url: string;
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
};

/** What POST /api/uploads answers: where and how to send the bytes, then where to complete. */
export type UploadSlot = {
  id: string;
  kind: UploadKind;
  path: string;
  maxBytes: number;
  expiresAt: string;
  completeUrl: string;
  tus: {
    endpoint: string;
    headers: Record<string, string>;
    metadata: Record<string, string>;
    chunkSize: number;
  };
};
