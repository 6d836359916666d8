// OAuth PKCE callback for Google and Telegram (custom OIDC provider): the
// auth server sends the browser here with `?code=`; the code and the verifier cookie stored
// by the browser client become session cookies, then the browser goes to the destination the
// sign-in page remembered (lib/auth/sign-in-intent.ts). The redirect URL itself carries no
// query, so it matches the exact entry in Supabase's redirect allow-list.
import { type NextRequest, NextResponse } from "next/server";
import { publicOrigin } from "@/lib/auth/public-origin";
import { clearSignInIntent, signInIntentOf } from "@/lib/auth/sign-in-intent";
import { ensureSupabaseProfile, identityFromClaims } from "@/lib/auth/supabase";
import { signInSupabaseWithTelegram } from "@/lib/auth/supabase-telegram";
import { telegramIdentityFromOidc } from "@/lib/auth/telegram-oidc";
import { profileIdByTelegram } from "@/lib/db/profiles";
import { mode, sessionSecret } from "@/lib/env";
import { createLogger } from "@/lib/log";
import { withSessionResponseHeaders } from "@/lib/supabase/response-headers";
import { createSupabaseServerClient } from "@/lib/supabase/server";

export function GET(req: NextRequest): Promise<NextResponse> {
  return withSessionResponseHeaders(() => callback(req));
}

async function callback(req: NextRequest): Promise<NextResponse> {
  const log = createLogger({ path: req.nextUrl.pathname });
  const params = req.nextUrl.searchParams;
  const origin = publicOrigin(req);
  const failed = NextResponse.redirect(`${origin}/auth/auth-code-error`);
  const code = params.get("code");
  if (mode.auth !== "supabase" || !code) {
    // A provider refusal arrives as ?error=…&error_description=… instead of a code.
    log.warn("auth callback without a code", { error: params.get("error") ?? undefined });
    return failed;
  }
  const supabase = await createSupabaseServerClient();
  const flowId = params.get("sb_flow_id");
  const { data, error } = await supabase.auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined);
  if (error || !data.user) {
    log.warn("auth code exchange failed", { error: error?.message, code: error?.code });
    return failed;
  }
  const done = NextResponse.redirect(`${origin}${signInIntentOf(req, sessionSecret())?.next ?? "/"}`);
  clearSignInIntent(req, done);

  // The user came straight from the auth server's token response, so it can be trusted here.
  const telegram = telegramIdentityFromOidc(data.user);
  const owner = telegram ? await profileIdByTelegram(telegram.id) : null;
  try {
    if (telegram && owner && owner !== data.user.id) {
      // This Telegram account already has a profile (the widget, or linked from another
      // sign-in): open that one instead of the auth user Telegram's OIDC login just made.
      await supabase.auth.signOut({ scope: "local" });
      await signInSupabaseWithTelegram(telegram);
      return done;
    }
    const profile = await ensureSupabaseProfile({
      ...identityFromClaims({
        sub: data.user.id,
        email: data.user.email,
        user_metadata: data.user.user_metadata,
      }),
      telegramId: telegram?.id ?? null,
    });
    if (!profile) return failed;
  } catch (cause) {
    log.warn("auth callback could not settle the profile", { error: cause });
    return failed;
  }
  return done;
}
