import { z } from "zod";
import { uuidParam } from "@/lib/admin/params";
import { deleteProviderToken, updateProviderToken } from "@/lib/db/provider-tokens";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// Disable/enable or rename one pool key; enabling clears why it was disabled and any cooldown.
const patchSchema = z
  .object({
    active: z.boolean().optional(),
    label: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((patch) => patch.active !== undefined || patch.label !== undefined, "give active or label");

export const PATCH = withApiLogging({ auth: "super_admin" }, async ({ req, params, user }) => {
  const id = uuidParam(params);
  const key = await updateProviderToken(id, await parseJson(req, patchSchema), user);
  if (!key) throw new AppError("not_found", "Key not found.");
  return Response.json(key);
});

export const DELETE = withApiLogging({ auth: "super_admin" }, async ({ params, user }) => {
  if (!(await deleteProviderToken(uuidParam(params), user)))
    throw new AppError("not_found", "Key not found.");
  return new Response(null, { status: 204 });
});

export * from "@/lib/api/method-fallbacks";
