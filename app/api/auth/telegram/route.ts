import { z } from "zod";
import { respondWithLocalSession } from "@/lib/auth/local/sign-in";
import { signInSupabaseWithTelegram } from "@/lib/auth/supabase-telegram";
import { verifyTelegramLogin } from "@/lib/auth/telegram";
import { upsertProfileByTelegram } from "@/lib/db/profiles";
import { env, mode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const widgetSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const POST = withApiLogging({ auth: "public" }, async ({ req, user, log }) => {
  if (!env.TELEGRAM_BOT_TOKEN) throw new AppError("not_found", "Telegram sign-in is not configured.");
  const fields = await parseJson(req, widgetSchema);
  const result = verifyTelegramLogin(fields, env.TELEGRAM_BOT_TOKEN);
  if (!result.ok) {
    log.warn("telegram login rejected", { reason: result.reason });
    throw new AppError("unauthorized", "Telegram sign-in could not be verified.");
  }
  if (mode.auth === "supabase") return signInSupabaseWithTelegram(result.identity);
  const profile = await upsertProfileByTelegram({
    telegramId: result.identity.id,
    displayName: result.identity.displayName,
    avatarUrl: result.identity.photoUrl,
    currentUserId: user?.id ?? null,
  });
  if (profile.status !== "active") throw new AppError("forbidden", "This account is suspended.");
  return respondWithLocalSession(req, profile);
});

export * from "@/lib/api/method-fallbacks";
