// Serves local-storage objects to anyone holding a signed, unexpired URL (see
// lib/storage/signed-url.ts): the signature is the authorisation. Streams the file with
// Range support and never reads it whole. In Supabase storage mode this route is a 404:
// Supabase serves its own signed URLs.
//
// Answers: 400 malformed path (traversal, percent-encoding, backslash, NUL…), 403 missing,
// bad or expired signature (expired is 403 too, so a link never reveals whether it once was
// valid), 404 missing file or a symlink anywhere on the way, 416 unsatisfiable range.
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { mode, sessionSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { FILE_CSP } from "@/lib/security/response-headers";
import { localFiles } from "@/lib/storage";
import { downloadNameFor } from "@/lib/storage/download-name";
import { type OpenedObject, parseByteRange } from "@/lib/storage/local";
import { FALLBACK_CONTENT_TYPE, isValidObjectPath } from "@/lib/storage/paths";
import { FILES_ROUTE_PREFIX, verifyFileSignature } from "@/lib/storage/signed-url";
import { errorBody, withApiLogging } from "@/lib/with-api-logging";

export const dynamic = "force-dynamic";

function serve(method: "GET" | "HEAD") {
  return withApiLogging({ auth: "none" }, async ({ req, params }) => {
    if (mode.storage !== "local") throw new AppError("not_found", "Not found.");
    const objectPath = objectPathOf(req, params.path);
    if (!objectPath) throw new AppError("bad_request", "Invalid file path.");

    const query = req.nextUrl.searchParams;
    const check = verifyFileSignature({
      secret: sessionSecret(),
      objectPath,
      exp: query.get("exp"),
      sig: query.get("sig"),
    });
    if (!check.ok)
      throw new AppError(
        "forbidden",
        check.reason === "expired" ? "This link has expired." : "Missing or invalid signature.",
      );

    // ?download=<name>.<ext>: saved under that name (see lib/storage/download-name.ts).
    const downloadName = downloadNameFor(objectPath, query.get("download"));
    if (downloadName === "invalid")
      throw new AppError(
        "bad_request",
        "download: must be a lower-case name with the file's own extension.",
        {
          field: "download",
        },
      );

    const file = await localFiles().openRead(objectPath);
    if (!file) throw new AppError("not_found", "File not found.");
    try {
      const maxAge = Math.max(0, check.expiresAt - Math.floor(Date.now() / 1000));
      return respond(req, method, file, maxAge, downloadName);
    } catch (error) {
      await file.handle.close();
      throw error;
    }
  });
}

export const GET = serve("GET");
export const HEAD = serve("HEAD");

/**
 * The object path, only when every segment is valid as decoded by the router AND the raw
 * request path spells exactly the same thing: any percent-encoding (%2F, %5C, %2e%2e, %00) or
 * a segment the router normalised away makes the two differ.
 */
function objectPathOf(req: NextRequest, segments: string | string[] | undefined): string | null {
  if (!Array.isArray(segments) || segments.length === 0) return null;
  const objectPath = segments.join("/");
  if (segments.some((segment) => !isValidObjectPath(segment)) || !isValidObjectPath(objectPath)) return null;
  const rawPath = rawPathname(req.url);
  if (rawPath !== `${FILES_ROUTE_PREFIX}${objectPath}`) return null;
  return objectPath;
}

function rawPathname(url: string): string {
  const afterOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return afterOrigin.split(/[?#]/, 1)[0] ?? "";
}

async function respond(
  req: NextRequest,
  method: "GET" | "HEAD",
  file: OpenedObject,
  maxAge: number,
  downloadName: string | null,
): Promise<Response> {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtime.getTime()).toString(16)}"`;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": file.contentType,
    // no-transform: a compressing proxy (or Next's own gzip) must not break lengths and ranges.
    "Cache-Control": `private, max-age=${maxAge}, no-transform`,
    ETag: etag,
    "Last-Modified": file.mtime.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    // Objects are media, JSON or text: nothing served from here may run script on our origin.
    "Content-Security-Policy": FILE_CSP,
  });
  if (downloadName) headers.set("Content-Disposition", `attachment; filename="${downloadName}"`);
  else if (file.contentType === FALLBACK_CONTENT_TYPE) headers.set("Content-Disposition", "attachment");

  if (matchesEtag(req.headers.get("if-none-match"), etag)) {
    await file.handle.close();
    return new Response(null, { status: 304, headers });
  }

  const ifRange = req.headers.get("if-range");
  const rangeHeader = ifRange && ifRange !== etag ? null : req.headers.get("range");
  const range = parseByteRange(rangeHeader, file.size);
  if (range === "unsatisfiable") {
    await file.handle.close();
    headers.set("Content-Range", `bytes */${file.size}`);
    headers.set("Content-Type", "application/json");
    return Response.json(errorBody("range_not_satisfiable", "Requested range not satisfiable."), {
      status: 416,
      headers,
    });
  }

  const start = range?.start ?? 0;
  const end = range?.end ?? file.size - 1;
  const length = file.size === 0 ? 0 : end - start + 1;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${file.size}`);
  const status = range ? 206 : 200;

  if (method === "HEAD" || length === 0) {
    await file.handle.close();
    return new Response(null, { status, headers });
  }
  // The read stream closes the handle when it ends or when the client goes away.
  const stream = file.handle.createReadStream({ start, end });
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, { status, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

export * from "@/lib/api/method-fallbacks";
