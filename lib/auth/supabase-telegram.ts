import "server-only";
// Telegram widget → Supabase session (PROTOCOLS.md 5.6 B): the widget is verified by us,
// the Telegram user is mapped to a synthetic email, and a magic-link token minted with the
// admin API is verified on the cookie-bound client, which sets the session cookies.
import { NextResponse } from "next/server";
import type { TelegramIdentity } from "@/lib/auth/telegram";
import { upsertProfileByTelegram } from "@/lib/db/profiles";
import { AppError } from "@/lib/errors";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { createSupabaseServerClient } from "@/lib/supabase/server";

export const telegramEmail = (telegramId: string) => `tg_${telegramId}@telegram.atelier.invalid`;

export async function signInSupabaseWithTelegram(identity: TelegramIdentity): Promise<NextResponse> {
  const admin = supabaseAdmin();
  const email = telegramEmail(identity.id);
  const metadata = { telegram_id: identity.id, name: identity.displayName, avatar_url: identity.photoUrl };
  const created = await admin.auth.admin.createUser({ email, email_confirm: true, user_metadata: metadata });
  if (created.error && created.error.status !== 422) throw created.error;

  const link = await admin.auth.admin.generateLink({ type: "magiclink", email });
  if (link.error || !link.data.properties?.hashed_token) throw link.error ?? new Error("no magic link token");
  const supabase = await createSupabaseServerClient();
  const verified = await supabase.auth.verifyOtp({
    type: "email",
    token_hash: link.data.properties.hashed_token,
  });
  const authUserId = verified.data.user?.id;
  if (verified.error || !authUserId)
    throw new AppError("unauthorized", "Telegram sign-in could not be completed.");

  const profile = await upsertProfileByTelegram({
    telegramId: identity.id,
    displayName: identity.displayName,
    avatarUrl: identity.photoUrl,
    currentUserId: null,
    id: authUserId,
  });
  if (profile.status !== "active") throw new AppError("forbidden", "This account is suspended.");
  return NextResponse.json({
    id: profile.id,
    email: profile.email,
    role: profile.role,
    credits: profile.credits,
  });
}
