// Names and attributes of the cookies Atelier sets itself.
import { forwardedHttps } from "@/lib/auth/client-address";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "atelier_session";
export const ROLE_COOKIE = "atelier_role";
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
export const ROLE_COOKIE_TTL_SECONDS = 5 * 60;

/**
 * Cookies are Secure whenever the browser reached the app over https: the public origin is
 * https, or (in production) a proxy we trust says so. Over plain http a Secure cookie would be
 * dropped by the browser, so a local `npm start` on http://localhost keeps working.
 */
export function secureRequest(req: { headers: Headers }): boolean {
  if (env.APP_URL?.startsWith("https://")) return true;
  return env.NODE_ENV === "production" && forwardedHttps(req);
}

export function cookieOptions(req: { headers: Headers }, maxAge: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: secureRequest(req),
    path: "/",
    maxAge,
  };
}
