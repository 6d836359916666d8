// OAuth PKCE callback (PROTOCOLS.md 5.4) for Google and Telegram (custom OIDC provider): the
// auth server sends the browser here with `?code=`; the code and the verifier cookie stored
// by the browser client become session cookies, then the browser goes to `next`.
import { type NextRequest, NextResponse } from "next/server";
import { safeNextPath } from "@/lib/auth/protected-routes";
import { ensureSupabaseProfile, identityFromClaims } from "@/lib/auth/supabase";
import { env, mode } from "@/lib/env";
import { createLogger } from "@/lib/log";
import { createSupabaseServerClient } from "@/lib/supabase/server";

export async function GET(req: NextRequest): Promise<NextResponse> {
  const log = createLogger({ path: req.nextUrl.pathname });
  const params = req.nextUrl.searchParams;
  const origin = publicOrigin(req);
  const code = params.get("code");
  const next = safeNextPath(params.get("next"));
  if (mode.auth !== "supabase" || !code) {
    // A provider refusal arrives as ?error=…&error_description=… instead of a code.
    log.warn("auth callback without a code", { error: params.get("error") ?? undefined });
    return NextResponse.redirect(`${origin}/auth/auth-code-error`);
  }
  const supabase = await createSupabaseServerClient();
  const flowId = params.get("sb_flow_id");
  const { data, error } = await supabase.auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined);
  if (error || !data.user) {
    log.warn("auth code exchange failed", { error: error?.message, code: error?.code });
    return NextResponse.redirect(`${origin}/auth/auth-code-error`);
  }
  // The user came straight from the auth server's token response, so it can be trusted here.
  await ensureSupabaseProfile(
    identityFromClaims({ sub: data.user.id, email: data.user.email, user_metadata: data.user.user_metadata }),
  );
  return NextResponse.redirect(`${origin}${next}`);
}

/**
 * The origin the browser used, which is where the session cookies were just set. Behind
 * Vercel or a reverse proxy that is X-Forwarded-Host (PROTOCOLS.md 5.4); APP_URL supplies the
 * scheme when it names the same host.
 */
function publicOrigin(req: NextRequest): string {
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
