import { z } from "zod";
import { stringParam } from "@/lib/admin/params";
import { isSettingKey } from "@/lib/admin/settings/list-settings";
import { updateSetting } from "@/lib/admin/settings/update-setting";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({ value: z.unknown().refine((v) => v !== undefined, "value is required") });

export const PUT = withApiLogging({ auth: "admin" }, async ({ req, params, user }) => {
  const key = stringParam(params, "key");
  if (!isSettingKey(key)) throw new AppError("not_found", `Unknown setting "${key}".`);
  const { value } = await parseJson(req, bodySchema);
  return Response.json({ key, value: await updateSetting(user, key, value) });
});
