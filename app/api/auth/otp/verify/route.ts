import { verifyOtp } from "@/lib/auth/local/otp";
import { respondWithLocalSession } from "@/lib/auth/local/sign-in";
import { otpVerifySchema } from "@/lib/auth/schemas";
import { upsertProfileByEmail } from "@/lib/db/profiles";
import { mode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

export const POST = withApiLogging({ auth: "public" }, async ({ req }) => {
  if (mode.auth !== "local")
    throw new AppError("not_found", "Email codes are handled by Supabase Auth here.");
  const { email, code } = await parseJson(req, otpVerifySchema);
  await verifyOtp(email, code);
  const user = await upsertProfileByEmail(email);
  if (user.status !== "active") throw new AppError("forbidden", "This account is suspended.");
  return respondWithLocalSession(req, user);
});

export * from "@/lib/api/method-fallbacks";
