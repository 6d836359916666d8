// Shared shapes of the media pipeline, and its one error type. A MediaError's message becomes
// the generation's failure reason shown to the user, so it names the host at most, never a URL
// (signed provider URLs carry tokens) and never a stack.

export type MediaKind = "image" | "video";

/** A type recognised from a file's first bytes; `ext` is what the stored object is named with. */
export type SniffedType = { mime: string; ext: string; kind: MediaKind };

/**
 * One provider output: a URL to copy (Replicate, fal, Veo) or inline bytes (Gemini). `headers`
 * go to the first host only (e.g. the Gemini API key for a Veo `files/...:download` URL) and are
 * dropped when a redirect leaves that origin. `mimeType` is informational: the bytes decide.
 */
export type MediaSource =
  | { url: string; headers?: Record<string, string> }
  | { bytes: Buffer; mimeType?: string };

/** One stored output, as kept in `generations.outputs`. Paths, never URLs. */
export type MediaOutput = {
  path: string;
  thumb_path: string | null;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: number;
  /** Hex SHA-256 of the stored bytes (the asset's content address). */
  sha256: string;
  /** A video's length (ffprobe, else its MP4 movie header); null for images and unreadable videos. */
  duration_seconds: number | null;
  /** The thumbnail's own facts, for its asset (a video's thumbnail is its poster: the first frame). */
  thumb: { sha256: string; bytes: number; width: number; height: number } | null;
  /** A video's last frame at full size, stored beside it; absent for images and unreadable videos. */
  last_frame?: { path: string; sha256: string; bytes: number; width: number; height: number };
};

/** Every object one output stored, for removing them together. */
export function mediaObjectPaths(output: MediaOutput): string[] {
  return [output.path, output.thumb_path, output.last_frame?.path].filter((p): p is string => Boolean(p));
}

export type MediaErrorCode =
  | "invalid_url"
  | "host_not_allowed"
  | "too_many_redirects"
  | "http_error"
  | "network_error"
  | "timeout"
  | "too_large"
  | "empty"
  | "unsupported_type"
  | "processing_failed"
  | "storage_failed";

export class MediaError extends Error {
  readonly code: MediaErrorCode;

  constructor(code: MediaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MediaError";
    this.code = code;
  }
}

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}

/** "12.5 MB" style sizes for messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  return `${trim(bytes / (1024 * 1024 * 1024))} GB`;
}

const trim = (value: number) => String(Math.round(value * 10) / 10);
