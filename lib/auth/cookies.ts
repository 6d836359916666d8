// Names and attributes of the cookies Atelier sets itself.
import { env } from "@/lib/env";

export const SESSION_COOKIE = "atelier_session";
export const ROLE_COOKIE = "atelier_role";
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
export const ROLE_COOKIE_TTL_SECONDS = 5 * 60;

export function cookieOptions(maxAge: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env.NODE_ENV === "production" && !(env.APP_URL ?? "").startsWith("http://"),
    path: "/",
    maxAge,
  };
}
