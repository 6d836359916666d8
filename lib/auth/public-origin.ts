// The origin the browser used, which is where the session cookies were just set and where a
// sign-in redirect must go. Behind Vercel or a reverse proxy that is X-Forwarded-Host;
// APP_URL supplies the scheme when it names the same host.
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

export function publicOrigin(req: NextRequest): string {
  const forwardedHost = firstValue(req.headers.get("x-forwarded-host"));
  if (env.NODE_ENV === "development" || !forwardedHost || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(forwardedHost))
    return req.nextUrl.origin;
  if (env.APP_URL && new URL(env.APP_URL).host === forwardedHost) return new URL(env.APP_URL).origin;
  const proto = firstValue(req.headers.get("x-forwarded-proto")) === "http" ? "http" : "https";
  return `${proto}://${forwardedHost}`;
}

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}
