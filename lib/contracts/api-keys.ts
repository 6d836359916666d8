// Personal API keys: create (the key is in that answer only), list, revoke.
import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/api-keys/scopes";
import { idSchema, timestampSchema } from "./common";

export const apiKeyScopeSchema = z
  .enum(API_KEY_SCOPES, { error: `each scope must be one of ${API_KEY_SCOPES.join(", ")}` })
  .meta({ id: "ApiKeyScope" });

export const createApiKeyRequest = z.strictObject({
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100),
  scopes: z.array(apiKeyScopeSchema).min(1, "pick at least one scope"),
});

export const createApiKeyResponse = z.object({
  id: idSchema,
  key: z.string().meta({ description: "The key, `atk_…`: shown in this answer only." }),
});

const apiKeySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to tell keys apart." }),
    scopes: z.array(apiKeyScopeSchema),
    created_at: timestampSchema,
    last_used_at: timestampSchema.nullable(),
    revoked_at: timestampSchema.nullable(),
  })
  .meta({ id: "ApiKey" });

export const apiKeysResponse = z.object({ keys: z.array(apiKeySchema) });
