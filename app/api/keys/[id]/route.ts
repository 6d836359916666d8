import { uuidParam } from "@/lib/admin/params";
import { revokeApiKey } from "@/lib/api-keys/manage";
import { withApiLogging } from "@/lib/with-api-logging";

// Revokes at once: the next request with the key gets a 401.
export const DELETE = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  const id = uuidParam(params);
  await revokeApiKey(user.id, id);
  log.info("api key revoked", { apiKeyId: id });
  return new Response(null, { status: 204 });
});

export * from "@/lib/api/method-fallbacks";
