import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { respondWithSignOut } from "@/lib/auth/local/sign-in";
import { signOutSupabase } from "@/lib/auth/supabase";
import { mode } from "@/lib/env";
import { withApiLogging } from "@/lib/with-api-logging";

export const POST = withApiLogging({ auth: "public" }, async ({ req }) => {
  if (mode.auth === "supabase") await signOutSupabase();
  return respondWithSignOut(req, req.cookies.get(SESSION_COOKIE)?.value);
});

export * from "@/lib/api/method-fallbacks";
