import "server-only";
// A verified Telegram account signs in, or, for a caller already signed in, is linked to their
// profile: one path for POST /api/auth/telegram (API clients) and GET /auth/telegram (the
// widget's redirect). Supabase mode sets its session cookies through the cookie-bound client;
// local mode hands back a session token for the caller's response.
import { createSession } from "@/lib/auth/local/sessions";
import { requestMeta } from "@/lib/auth/request-meta";
import { linkTelegramToSupabaseUser, signInSupabaseWithTelegram } from "@/lib/auth/supabase-telegram";
import type { TelegramIdentity } from "@/lib/auth/telegram";
import type { AuthUser } from "@/lib/auth/types";
import { upsertProfileByTelegram } from "@/lib/db/profiles";
import { mode } from "@/lib/env";
import { AppError } from "@/lib/errors";

export async function signInWithTelegram(
  req: { headers: Headers },
  identity: TelegramIdentity,
  current: AuthUser | null,
): Promise<{ profile: AuthUser; localSession: string | null }> {
  if (mode.auth === "supabase") {
    const profile = current
      ? await linkTelegramToSupabaseUser(current, identity)
      : await signInSupabaseWithTelegram(identity);
    return { profile, localSession: null };
  }
  const profile = await upsertProfileByTelegram({
    telegramId: identity.id,
    displayName: identity.displayName,
    avatarUrl: identity.photoUrl,
    currentUserId: current?.id ?? null,
  });
  if (profile.status !== "active") throw new AppError("forbidden", "This account is suspended.");
  return { profile, localSession: await createSession(profile.id, requestMeta(req)) };
}

/** What the API answers about the signed-in profile. */
export function profileJson(profile: AuthUser) {
  return { id: profile.id, email: profile.email, role: profile.role, credits: profile.credits };
}
