import "server-only";
// Telegram widget → Supabase session (PROTOCOLS.md 5.6 B). The widget is verified by the
// route before this runs. The Telegram account maps to an auth user (the one whose profile
// holds this telegram_id, else a user with a synthetic email); a magic-link token minted
// with the admin API is then verified on the cookie-bound client, which sets the session
// cookies on the route's response. A signed-in caller gets Telegram linked instead.
import { isAuthApiError } from "@supabase/supabase-js";
import { NextResponse } from "next/server";
import { getSupabaseAuthUser, telegramEmail } from "@/lib/auth/supabase";
import type { TelegramIdentity } from "@/lib/auth/telegram";
import type { AuthUser } from "@/lib/auth/types";
import { sql } from "@/lib/db/client";
import { upsertProfileByTelegram } from "@/lib/db/profiles";
import { AppError } from "@/lib/errors";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { createSupabaseServerClient } from "@/lib/supabase/server";

export { telegramEmail } from "@/lib/auth/supabase";

export async function signInSupabaseWithTelegram(
  identity: TelegramIdentity,
  current?: AuthUser | null,
): Promise<NextResponse> {
  const signedIn = current === undefined ? await getSupabaseAuthUser() : current;
  if (signedIn) return profileJson(await linkTelegram(signedIn, identity));

  const [owner] = await sql<{ email: string | null }[]>`
    select email from profiles where telegram_id = ${identity.id}`;
  const email = owner?.email ?? telegramEmail(identity.id);
  const admin = supabaseAdmin().auth.admin;
  if (!owner) {
    const created = await admin.createUser({
      email,
      email_confirm: true,
      user_metadata: { telegram_id: identity.id, name: identity.displayName, avatar_url: identity.photoUrl },
    });
    if (created.error && !isAlreadyRegistered(created.error)) throw created.error;
  }
  const link = await admin.generateLink({ type: "magiclink", email });
  const authUserId = link.data.user?.id;
  const tokenHash = link.data.properties?.hashed_token;
  if (link.error || !authUserId || !tokenHash)
    throw link.error ?? new Error("generateLink returned no token");

  // The profile is settled before any session exists, so a refusal leaves the caller signed out.
  const profile = await upsertProfileByTelegram({
    telegramId: identity.id,
    displayName: identity.displayName,
    avatarUrl: identity.photoUrl,
    currentUserId: authUserId,
    id: authUserId,
  });
  if (profile.id !== authUserId)
    throw new AppError("conflict", "This Telegram account is linked to another sign-in method.");
  if (profile.status !== "active") throw new AppError("forbidden", "This account is suspended.");

  const supabase = await createSupabaseServerClient();
  const verified = await supabase.auth.verifyOtp({ type: "email", token_hash: tokenHash });
  if (verified.error || verified.data.user?.id !== authUserId)
    throw new AppError("unauthorized", "Telegram sign-in could not be completed.");
  return profileJson(profile);
}

async function linkTelegram(user: AuthUser, identity: TelegramIdentity): Promise<AuthUser> {
  const profile = await upsertProfileByTelegram({
    telegramId: identity.id,
    displayName: identity.displayName,
    avatarUrl: identity.photoUrl,
    currentUserId: user.id,
  });
  if (profile.id !== user.id)
    throw new AppError("conflict", "This Telegram account is already linked to another profile.");
  return profile;
}

// GoTrue answers 422 `email_exists` when the address is taken; that is the returning user.
function isAlreadyRegistered(error: Error): boolean {
  return (
    isAuthApiError(error) && (error.code === "email_exists" || /already been registered/i.test(error.message))
  );
}

function profileJson(profile: AuthUser): NextResponse {
  return NextResponse.json({
    id: profile.id,
    email: profile.email,
    role: profile.role,
    credits: profile.credits,
  });
}
