// The role may be cached in a cookie for five minutes, so middleware can guard /admin
// without a database read on every request. It is HMAC-signed and bound to the user id;
// anything tampered, foreign or expired is ignored.

import { ROLE_COOKIE_TTL_SECONDS } from "@/lib/auth/cookies";
import { hmacBase64Url, safeEqual } from "@/lib/auth/crypto";
import { ROLES, type Role } from "@/lib/auth/types";

export function signRoleCookie(secret: string, userId: string, role: Role, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + ROLE_COOKIE_TTL_SECONDS;
  const payload = `${userId}.${role}.${expires}`;
  return `${payload}.${hmacBase64Url(secret, `role:${payload}`)}`;
}

export function readRoleCookie(
  secret: string,
  value: string | undefined,
  userId: string,
  now = Date.now(),
): Role | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const [id, role, expires, signature] = parts as [string, string, string, string];
  const payload = `${id}.${role}.${expires}`;
  if (!safeEqual(signature, hmacBase64Url(secret, `role:${payload}`))) return null;
  if (id !== userId) return null;
  if (!(ROLES as readonly string[]).includes(role)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 <= now) return null;
  return role as Role;
}
