import "server-only";
// What a reference-image URL points at. Most are our own files (uploads, earlier outputs):
// - local storage: `APP_URL/api/files/<path>?exp&sig` links, whose HMAC we verify here and whose
//   object is then read from storage directly, never over HTTP (our own origin is loopback in
//   local mode, and the public-address policy rightly refuses loopback);
// - Supabase storage: the project's `/storage/v1/object/sign/<bucket>/...` links. Their token is
//   signed with a secret only Supabase holds, so Supabase verifies it: the link is fetched from
//   the configured project origin alone (an exact allow-list of one host).
// Anything else is someone else's URL, read under the public-address policy.
import { env, mode, sessionSecret } from "@/lib/env";
import { isAssetId } from "@/lib/models/params";
import type { ModelInput, ParamDescriptor } from "@/lib/models-config";
import { literalUrlProblem } from "@/lib/net/public-address";
import { isValidObjectPath } from "@/lib/storage/paths";
import { FILES_ROUTE_PREFIX, verifyFileSignature } from "@/lib/storage/signed-url";

export type ReferenceTarget =
  | { kind: "local-object"; objectPath: string }
  | { kind: "supabase-object"; host: string }
  | { kind: "remote" };

/** The target of a reference URL, or a reason it is refused outright (a bad or expired own link). */
export function referenceTarget(value: string): ReferenceTarget | { kind: "refused"; reason: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: "refused", reason: "must be a valid URL" };
  }
  if (mode.storage === "local" && isOwnOrigin(url) && url.pathname.startsWith(FILES_ROUTE_PREFIX)) {
    const objectPath = url.pathname.slice(FILES_ROUTE_PREFIX.length);
    if (!isValidObjectPath(objectPath)) return { kind: "refused", reason: "is not a valid file link" };
    const check = verifyFileSignature({
      secret: sessionSecret(),
      objectPath,
      exp: url.searchParams.get("exp"),
      sig: url.searchParams.get("sig"),
    });
    if (!check.ok)
      return {
        kind: "refused",
        reason:
          check.reason === "expired"
            ? "the file link has expired: add the image again"
            : "the file link is not valid: add the image again",
      };
    return { kind: "local-object", objectPath };
  }
  const supabase = supabaseSignPrefix();
  if (supabase && url.origin === supabase.origin && url.pathname.startsWith(supabase.path))
    return { kind: "supabase-object", host: url.host };
  return { kind: "remote" };
}

/**
 * The storage object a link to our own files names (its signature checked for local links,
 * left to Supabase for its own), or null for anyone else's URL.
 */
export function ownObjectPath(value: string): string | null {
  const target = referenceTarget(value);
  if (target.kind === "local-object") return target.objectPath;
  if (target.kind !== "supabase-object") return null;
  const prefix = supabaseSignPrefix();
  const url = new URL(value);
  if (!prefix) return null;
  const objectPath = decodeURIComponent(url.pathname.slice(prefix.path.length));
  return isValidObjectPath(objectPath) ? objectPath : null;
}

/**
 * The checks that cost nothing, made before a generation is paid for: a link to our own files
 * must carry a valid signature, and any other URL must be http(s) and, when its host is an IP
 * literal, a public address. Null when the URL may go on to be fetched.
 */
export function referenceUrlProblem(value: string): string | null {
  const target = referenceTarget(value);
  if (target.kind === "refused") return target.reason;
  return target.kind === "remote" ? literalUrlProblem(value) : null;
}

function isOwnOrigin(url: URL): boolean {
  // Without APP_URL, signed links are relative and the browser made them absolute with whatever
  // origin it used; the signature alone then says the link is ours.
  return !env.APP_URL || url.origin === new URL(env.APP_URL).origin;
}

function supabaseSignPrefix(): { origin: string; path: string } | null {
  if (mode.storage !== "supabase" || !env.NEXT_PUBLIC_SUPABASE_URL) return null;
  const base = new URL(env.NEXT_PUBLIC_SUPABASE_URL);
  const root = base.pathname.replace(/\/+$/, "");
  return {
    origin: base.origin,
    path: `${root}/storage/v1/object/sign/${encodeURIComponent(env.SUPABASE_STORAGE_BUCKET)}/`,
  };
}

/** The first reference-image field of a validated input whose URL is refused outright. */
export function referenceUrlIssue(
  params: readonly ParamDescriptor[],
  input: ModelInput,
): { field: string; message: string } | null {
  for (const param of params) {
    if (param.type !== "image" && param.type !== "images") continue;
    const value = input[param.name];
    const urls = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const [index, url] of urls.entries()) {
      // An asset id is no URL; create resolves it to the caller's own file first.
      if (typeof url !== "string" || isAssetId(url)) continue;
      const problem = referenceUrlProblem(url);
      const field = param.type === "images" ? `${param.name}.${index}` : param.name;
      if (problem) return { field, message: `${field}: ${problem}` };
    }
  }
  return null;
}
