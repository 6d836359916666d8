// Guards pages: signed-out visitors of protected pages go to /login?next=…, non-admins
// never see /admin. API routes answer 401/403 JSON themselves (lib/with-api-logging.ts).
// In Supabase mode it also refreshes the session cookies on every matched request.
// Every page also gets its Content-Security-Policy here, with a nonce made for this response.
import { type NextRequest, NextResponse } from "next/server";
import { localSessionUserId, roleFor, unlessBanned } from "@/lib/auth/middleware-identity";
import { isAdminPath, isProtectedPath } from "@/lib/auth/protected-routes";
import { isAdminRole } from "@/lib/auth/types";
import { env, mode } from "@/lib/env";
import { log } from "@/lib/log";
import { buildPageCsp, createNonce, pageCspOptions } from "@/lib/security/page-csp";
import { redirectKeepingCookies, updateSupabaseSession } from "@/lib/supabase/middleware";
import { withTimeout } from "@/lib/with-timeout";

const AUTH_LOOKUP_TIMEOUT_MS = 10_000;

export async function middleware(req: NextRequest): Promise<NextResponse> {
  const nonce = createNonce();
  const csp = buildPageCsp(pageCspOptions(env, nonce));
  // Next finds the nonce in the request's CSP and puts it on its own scripts; the root layout
  // reads x-nonce for the theme script. Every NextResponse.next below passes these on.
  req.headers.set("content-security-policy", csp);
  req.headers.set("x-nonce", nonce);
  const response = await protect(req);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

async function protect(req: NextRequest): Promise<NextResponse> {
  const { pathname } = req.nextUrl;
  if (mode.auth === "local" && !isProtectedPath(pathname)) return NextResponse.next({ request: req });
  try {
    return await withTimeout(guard(req), AUTH_LOOKUP_TIMEOUT_MS, "auth lookup");
  } catch (error) {
    log.error("middleware auth lookup failed", { path: pathname, error });
    return isProtectedPath(pathname) ? redirectToLogin(req) : NextResponse.next({ request: req });
  }
}

async function guard(req: NextRequest): Promise<NextResponse> {
  const { pathname } = req.nextUrl;
  let response = NextResponse.next({ request: req });
  let userId: string | null;
  if (mode.auth === "supabase") {
    ({ response, userId } = await updateSupabaseSession(req));
  } else {
    userId = await localSessionUserId(req);
  }
  if (!isProtectedPath(pathname)) return response;
  if (mode.auth === "supabase" && userId) userId = await unlessBanned(userId);
  // Redirects carry over any cookies set above (a refreshed Supabase session, the role cookie).
  if (!userId) return redirectKeepingCookies(loginUrl(req), response);
  if (isAdminPath(pathname)) {
    const role = await roleFor(req, response, userId);
    if (!role || !isAdminRole(role)) return redirectKeepingCookies(new URL("/", req.url), response);
  }
  return response;
}

function loginUrl(req: NextRequest): URL {
  const url = new URL("/login", req.url);
  url.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
  return url;
}

function redirectToLogin(req: NextRequest): NextResponse {
  return NextResponse.redirect(loginUrl(req));
}

export const config = {
  runtime: "nodejs",
  matcher: [
    "/((?!api/|serwist/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|woff2?|webmanifest)$).*)",
  ],
};
