import "server-only";
// Saves one setting after validating it with its SETTINGS schema (400 when invalid), with
// the admin as updated_by and an audit row, then drops this process's settings cache; other
// processes pick the change up within the cache's few seconds.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidateSettings, SETTINGS, type SettingKey } from "@/lib/settings/settings";
import { describeZodError } from "@/lib/with-api-logging";

/** Names of feature flags and system prompts: short, lower-case, URL- and log-safe. */
const ENTRY_KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const MAX_ENTRIES = 200;

function validate(key: SettingKey, value: unknown): unknown {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", `value: ${describeZodError(parsed.error)}`);
  if (key === "feature_flags" || key === "system_prompts") {
    const names = Object.keys(parsed.data as Record<string, unknown>);
    if (names.length > MAX_ENTRIES)
      throw new AppError("bad_request", `value: at most ${MAX_ENTRIES} entries`);
    const bad = names.find((name) => !ENTRY_KEY.test(name));
    if (bad !== undefined)
      throw new AppError(
        "bad_request",
        `value: "${bad}" is not a valid name (lower-case letters, digits, ".", "_" and "-", up to 64)`,
      );
  }
  return parsed.data;
}

export async function updateSetting(actor: Actor, key: SettingKey, value: unknown): Promise<unknown> {
  assertAdmin(actor);
  const valid = validate(key, value);
  await sql.begin(async (tx) => {
    const [current] = await tx<{ value: unknown }[]>`
      select value from app_settings where key = ${key} for update`;
    await tx`
      insert into app_settings (key, value, updated_at, updated_by)
      values (${key}, ${tx.json(valid as never)}, now(), ${actor.id})
      on conflict (key) do update
        set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "setting.update",
      targetType: "setting",
      targetId: key,
      before: current ? { value: current.value } : null,
      after: { value: valid },
    });
  });
  invalidateSettings();
  return valid;
}
