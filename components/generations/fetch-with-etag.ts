// GET a JSON list with If-None-Match: an unchanged list answers 304 and we keep what we have,
// so a poll costs no parsing and no re-render. The ETag is remembered per URL in memory.
import { ApiError, readErrorBody } from "@/components/providers/fetch-json";

const etags = new Map<string, string>();

/**
 * `cached` must be the data the ETag belongs to (the query's current data); without it the
 * request is unconditional, so a 304 can never leave us with nothing.
 */
export async function fetchWithEtag<T>(url: string, cached: T | undefined, signal?: AbortSignal): Promise<T> {
  const etag = cached === undefined ? undefined : etags.get(url);
  if (etag === undefined) etags.delete(url);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: "application/json", ...(etag ? { "If-None-Match": etag } : {}) },
      // Our own conditional request: keep the browser cache out of it.
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "Could not reach the server. Check your connection and try again.");
  }
  if (response.status === 304 && cached !== undefined) return cached;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { message, code, field } = readErrorBody(body);
    throw new ApiError(response.status, message ?? "Could not load the list.", code, field);
  }
  const data = body as T;
  const next = response.headers.get("etag");
  if (next) etags.set(url, next);
  else etags.delete(url);
  return data;
}
