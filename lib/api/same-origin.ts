// Cross-site request forgery guard for cookie-authenticated routes that change state. Browsers
// mark every request with `Sec-Fetch-Site`, and send `Origin` on every non-GET request, so a
// request that carries neither did not come from a page in a browser (curl, a server, a test)
// and cannot ride a victim's cookies. SameSite=Lax cookies alone still let a same-site sibling
// or a top-level POST through; this check does not rely on them.
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  // "none": the user's own navigation (address bar, bookmark), never a page's doing.
  if (site && site !== "same-origin" && site !== "none") throw crossSite();
  const origin = req.headers.get("origin");
  if (origin === null) return;
  if (!allowedOrigins(req).has(origin.toLowerCase())) throw crossSite();
}

function allowedOrigins(req: NextRequest): Set<string> {
  const origins = new Set([req.nextUrl.origin.toLowerCase()]);
  if (env.APP_URL) origins.add(new URL(env.APP_URL).origin.toLowerCase());
  // Behind a proxy the app may see its internal host; the browser sees the public one.
  const forwardedHost = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwardedHost) {
    const proto =
      req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || req.nextUrl.protocol.replace(":", "");
    origins.add(`${proto}://${forwardedHost}`.toLowerCase());
  }
  return origins;
}

function crossSite(): AppError {
  return new AppError("forbidden", "Cross-site request refused: send it from the app's own pages.");
}
