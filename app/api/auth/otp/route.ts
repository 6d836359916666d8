import { requestOtp } from "@/lib/auth/local/otp";
import { clientIp } from "@/lib/auth/request-meta";
import { otpRequestSchema } from "@/lib/auth/schemas";
import { mode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// Answers the same for every address, known or not, so it cannot be used to find accounts.
export const POST = withApiLogging({ auth: "public" }, async ({ req }) => {
  if (mode.auth !== "local")
    throw new AppError("not_found", "Email codes are handled by Supabase Auth here.");
  const { email } = await parseJson(req, otpRequestSchema);
  await requestOtp(email, clientIp(req));
  return Response.json({ ok: true });
});

export * from "@/lib/api/method-fallbacks";
