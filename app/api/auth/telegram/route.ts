// The Telegram Login Widget's signed fields, posted as JSON: for API clients. Browsers use
// the widget's redirect to GET /auth/telegram, which ends in the same sign-in.
import { NextResponse } from "next/server";
import { z } from "zod";
import { setLocalSessionCookie } from "@/lib/auth/local/sign-in";
import { verifyTelegramLogin } from "@/lib/auth/telegram";
import { profileJson, signInWithTelegram } from "@/lib/auth/telegram-sign-in";
import { env } from "@/lib/env";
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
  const { profile, localSession } = await signInWithTelegram(req, result.identity, user);
  const response = NextResponse.json(profileJson(profile));
  return localSession ? setLocalSessionCookie(req, response, localSession) : response;
});

export * from "@/lib/api/method-fallbacks";
