import { z } from "zod";
import { createApiKey, listApiKeys } from "@/lib/api-keys/manage";
import { API_KEY_SCOPES } from "@/lib/api-keys/scopes";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// A person's API keys, managed from a signed-in session only: a key can never mint another.
const createSchema = z
  .object({
    name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100),
    scopes: z
      .array(z.enum(API_KEY_SCOPES, { error: `each scope must be one of ${API_KEY_SCOPES.join(", ")}` }))
      .min(1, "pick at least one scope"),
  })
  .strict();

export const GET = withApiLogging({ auth: "user" }, async ({ user }) =>
  Response.json({ keys: await listApiKeys(user.id) }),
);

// The key is in this answer only; the server keeps its hash.
export const POST = withApiLogging({ auth: "user" }, async ({ req, user, log }) => {
  const body = await parseJson(req, createSchema);
  const created = await createApiKey(user.id, body);
  log.info("api key created", { apiKeyId: created.id, scopes: body.scopes });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

export * from "@/lib/api/method-fallbacks";
