import { createApiKey, listApiKeys } from "@/lib/api-keys/manage";
import { createApiKeyRequest } from "@/lib/contracts/api-keys";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// A person's API keys, managed from a signed-in session only: a key can never mint another.
export const GET = withApiLogging({ auth: "user" }, async ({ user }) =>
  Response.json({ keys: await listApiKeys(user.id) }),
);

// The key is in this answer only; the server keeps its hash.
export const POST = withApiLogging({ auth: "user" }, async ({ req, user, log }) => {
  const body = await parseJson(req, createApiKeyRequest);
  const created = await createApiKey(user.id, body);
  log.info("api key created", { apiKeyId: created.id, scopes: body.scopes });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

export * from "@/lib/api/method-fallbacks";
