// Rules every object path obeys in both adapters, checked before any filesystem or network
// call: relative, `/`-separated segments of [A-Za-z0-9._-], no segment that starts with a dot
// (so no `.`/`..`, no hidden files, and our own `.tmp-*` files can never be addressed).
// Also the content type of an object, which follows from its extension.

export const MAX_OBJECT_PATH_LENGTH = 512;
export const MAX_SEGMENT_LENGTH = 128;
export const MAX_SEGMENTS = 16;

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export class InvalidObjectPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidObjectPathError";
  }
}

/** A `putStream` body went past `maxBytes`; the partial object was removed. */
export class StorageLimitError extends Error {
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`Object is larger than the limit of ${maxBytes} bytes.`);
    this.name = "StorageLimitError";
    this.maxBytes = maxBytes;
  }
}

/** Why a path is not a valid object path, or null when it is. */
export function objectPathProblem(value: unknown): string | null {
  if (typeof value !== "string") return "must be a string";
  if (value.length === 0) return "must not be empty";
  if (value.length > MAX_OBJECT_PATH_LENGTH) return `must be at most ${MAX_OBJECT_PATH_LENGTH} characters`;
  if (value.startsWith("/")) return "must be relative";
  const segments = value.split("/");
  if (segments.length > MAX_SEGMENTS) return `must have at most ${MAX_SEGMENTS} segments`;
  for (const segment of segments) {
    if (segment.length === 0) return "must not contain empty segments";
    if (segment.length > MAX_SEGMENT_LENGTH)
      return `segments must be at most ${MAX_SEGMENT_LENGTH} characters`;
    if (!SEGMENT.test(segment)) return "segments must use [A-Za-z0-9._-] and not start with a dot";
  }
  return null;
}

export function isValidObjectPath(value: unknown): value is string {
  return objectPathProblem(value) === null;
}

export function assertObjectPath(value: unknown): string {
  const problem = objectPathProblem(value);
  if (problem) throw new InvalidObjectPathError(`Invalid object path ${JSON.stringify(value)}: ${problem}.`);
  return value as string;
}

// What the local file route serves for each extension; anything else is an octet-stream download.
const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  json: "application/json",
  txt: "text/plain; charset=utf-8",
};

export const FALLBACK_CONTENT_TYPE = "application/octet-stream";

function extensionOf(objectPath: string): string {
  const name = objectPath.slice(objectPath.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function contentTypeFor(objectPath: string): string {
  return CONTENT_TYPES[extensionOf(objectPath)] ?? FALLBACK_CONTENT_TYPE;
}

const mediaType = (contentType: string) => (contentType.split(";")[0] ?? "").trim().toLowerCase();

/**
 * The local route serves the type implied by the extension, Supabase the type given at upload.
 * Refusing a put where the two disagree keeps both runtimes serving the same thing.
 */
export function assertContentTypeMatches(objectPath: string, contentType: string): void {
  const expected = CONTENT_TYPES[extensionOf(objectPath)];
  if (!expected) return;
  if (mediaType(expected) !== mediaType(contentType))
    throw new InvalidObjectPathError(
      `Object path ${JSON.stringify(objectPath)} implies ${mediaType(expected)}, not ${JSON.stringify(contentType)}.`,
    );
}
