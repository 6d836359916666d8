import { z } from "zod";
import { stringParam } from "@/lib/admin/params";
import { isSettingKey } from "@/lib/admin/settings/list-settings";
import { updateSetting } from "@/lib/admin/settings/update-setting";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// The largest setting is the prompt map: up to 200 entries of 20,000 characters.
const SETTING_BODY_LIMIT = 5 * 1024 * 1024;
const bodySchema = z.object({ value: z.unknown().refine((v) => v !== undefined, "value is required") });

export const PUT = withApiLogging(
  { auth: "admin", maxBodyBytes: SETTING_BODY_LIMIT },
  async ({ req, params, user }) => {
    const key = stringParam(params, "key");
    if (!isSettingKey(key)) throw new AppError("not_found", `Unknown setting "${key}".`);
    const { value } = await parseJson(req, bodySchema);
    return Response.json({ key, value: await updateSetting(user, key, value) });
  },
);

export * from "@/lib/api/method-fallbacks";
