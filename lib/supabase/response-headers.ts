import "server-only";
// @supabase/ssr hands setAll() the headers a response carrying session cookies must have
// (Cache-Control: private, no-store and friends), so no shared cache stores one user's
// tokens and serves them to another. Middleware puts them on its response directly; a route
// handler's cookie-bound client has no response at hand, so it leaves them here and the route
// wrapper (lib/with-api-logging.ts) puts them on whatever the handler answers.
import { AsyncLocalStorage } from "node:async_hooks";

const pending = new AsyncLocalStorage<Map<string, string>>();

/** Runs a request's handling and adds the headers the Supabase client asked for to its response. */
export async function withSessionResponseHeaders<T extends Response>(handle: () => Promise<T>): Promise<T> {
  const headers = new Map<string, string>();
  const response = await pending.run(headers, handle);
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** Called from setAll(): the headers go on this request's response. */
export function deferResponseHeaders(headers: Record<string, string>): void {
  const target = pending.getStore();
  if (!target) return;
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
}
