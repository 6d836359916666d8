import "server-only";
// The one place that answers "who is calling": local sessions or Supabase Auth, by mode.
import { cookies } from "next/headers";
import { cache } from "react";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { userForSessionToken } from "@/lib/auth/local/sessions";
import { getSupabaseAuthUser } from "@/lib/auth/supabase";
import { type AuthUser, isAdminRole } from "@/lib/auth/types";
import { mode } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type { AuthUser } from "@/lib/auth/types";

/** The signed-in, active user, or null. Cached per request. */
export const getAuthUser = cache(async (): Promise<AuthUser | null> => {
  if (mode.auth === "supabase") return getSupabaseAuthUser();
  const cookieStore = await cookies();
  return userForSessionToken(cookieStore.get(SESSION_COOKIE)?.value);
});

export async function requireUser(): Promise<AuthUser> {
  const user = await getAuthUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

export async function requireAdmin(): Promise<AuthUser> {
  const user = await requireUser();
  if (!isAdminRole(user.role)) throw new AppError("forbidden", "Admins only.");
  return user;
}

export async function requireSuperAdmin(): Promise<AuthUser> {
  const user = await requireUser();
  if (user.role !== "super_admin") throw new AppError("forbidden", "Super admins only.");
  return user;
}
