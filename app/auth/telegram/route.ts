// Where the Telegram Login Widget sends the browser (its `data-auth-url`) with the signed
// account fields as query parameters. The redirect flow needs no script callback, so pages keep
// a CSP without 'unsafe-eval'. The fields are verified exactly as POST /api/auth/telegram does;
// the sign-in (or, for a signed-in caller, the link) then ends at the remembered destination.
// Only a browser that started a Telegram sign-in from our pages carries the intent cookie this
// requires, so a link to here with someone else's fields signs no one in.
import { type NextRequest, NextResponse } from "next/server";
import { getAuthUser } from "@/lib/auth";
import { setLocalSessionCookie } from "@/lib/auth/local/sign-in";
import { publicOrigin } from "@/lib/auth/public-origin";
import { clearSignInIntent, signInIntentOf } from "@/lib/auth/sign-in-intent";
import { verifyTelegramLogin } from "@/lib/auth/telegram";
import { signInWithTelegram } from "@/lib/auth/telegram-sign-in";
import { env, sessionSecret } from "@/lib/env";
import { createLogger } from "@/lib/log";
import { withSessionResponseHeaders } from "@/lib/supabase/response-headers";

export function GET(req: NextRequest): Promise<NextResponse> {
  return withSessionResponseHeaders(() => telegramRedirect(req));
}

async function telegramRedirect(req: NextRequest): Promise<NextResponse> {
  const log = createLogger({ path: req.nextUrl.pathname });
  const origin = publicOrigin(req);
  const failed = NextResponse.redirect(`${origin}/auth/auth-code-error`);
  failed.headers.set("cache-control", "no-store");
  const intent = signInIntentOf(req, sessionSecret());
  if (!env.TELEGRAM_BOT_TOKEN || !intent) {
    log.warn("telegram redirect refused", { reason: intent ? "no bot configured" : "no sign-in intent" });
    return failed;
  }
  clearSignInIntent(req, failed);
  const result = verifyTelegramLogin(Object.fromEntries(req.nextUrl.searchParams), env.TELEGRAM_BOT_TOKEN);
  if (!result.ok) {
    log.warn("telegram login rejected", { reason: result.reason });
    return failed;
  }
  try {
    const { localSession } = await signInWithTelegram(req, result.identity, await getAuthUser());
    const done = NextResponse.redirect(`${origin}${intent.next}`);
    done.headers.set("cache-control", "no-store");
    clearSignInIntent(req, done);
    return localSession ? setLocalSessionCookie(req, done, localSession) : done;
  } catch (error) {
    log.warn("telegram sign-in failed", { error });
    return failed;
  }
}
