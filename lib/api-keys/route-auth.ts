import "server-only";
// API keys at the route wrapper (lib/with-api-logging.ts): a route accepts a key only when it
// names the scope the key must hold; admin routes never do.
import { type ApiKeyCaller, authenticateApiKey } from "@/lib/api-keys/authenticate";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { AppError } from "@/lib/errors";

/** The token of an `Authorization: Bearer …` header, or null when the request has none. */
export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

type RouteKeyPolicy = { auth: string; scope?: ApiKeyScope };

export async function authorizeApiKey(token: string, route: RouteKeyPolicy): Promise<ApiKeyCaller> {
  if (route.auth === "admin" || route.auth === "super_admin")
    throw new AppError("forbidden", "Admin routes do not accept API keys: sign in as an admin.");
  if (!route.scope)
    throw new AppError("forbidden", "This route does not accept API keys: use it from the app.");
  const caller = await authenticateApiKey(token);
  if (!caller)
    throw new AppError("unauthorized", "Unknown or revoked API key.", {
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    });
  if (caller.retryAfterSeconds > 0)
    throw new AppError("rate_limited", "Too many requests with this API key. Slow down and try again.", {
      headers: { "Retry-After": String(caller.retryAfterSeconds) },
    });
  if (!caller.key.scopes.includes(route.scope))
    throw new AppError("forbidden", `This API key lacks the "${route.scope}" scope.`, {
      headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${route.scope}"` },
    });
  return caller;
}
