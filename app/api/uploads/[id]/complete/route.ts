import { completeUpload } from "@/lib/uploads/complete-upload";
import { withApiLogging } from "@/lib/with-api-logging";

// The bytes are in storage: check, re-encode and keep them. Reads no body.
export const POST = withApiLogging({ auth: "user", scope: "generate" }, async ({ params, user, log }) =>
  Response.json(await completeUpload(user.id, String(params.id), log)),
);

export * from "@/lib/api/method-fallbacks";
