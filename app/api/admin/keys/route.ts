import { z } from "zod";
import { insertProviderToken, listProviderTokens } from "@/lib/db/provider-tokens";
import { sealNewKey } from "@/lib/providers/token-pool";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// The provider key pool (super admins only). Secrets go in, never come out: the list shows a
// hint (the last four characters) and the counters.
const addSchema = z
  .object({
    provider: z.enum(["replicate", "fal", "google"]),
    label: z.string().trim().min(1).max(100),
    secret: z
      .string()
      .trim()
      .min(8, "must be at least 8 characters")
      .max(1000)
      .regex(/^\S+$/, "must not contain spaces"),
  })
  .strict();

export const GET = withApiLogging({ auth: "super_admin" }, async ({ user }) =>
  Response.json({ keys: await listProviderTokens(user) }),
);

export const POST = withApiLogging({ auth: "super_admin" }, async ({ req, user, log }) => {
  const body = await parseJson(req, addSchema);
  const key = await insertProviderToken({
    ...sealNewKey(body.secret),
    provider: body.provider,
    label: body.label,
    actor: user,
  });
  log.info("provider key added", { tokenId: key.id, provider: key.provider });
  return Response.json(key, { status: 201 });
});

export * from "@/lib/api/method-fallbacks";
