import "server-only";
// Every run-time setting with its stored value (or the default), who saved it and when.
// Read from the table rather than the 5 s cache, so the console shows what was just saved.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";
import { SETTINGS, type SettingKey } from "@/lib/settings/settings";
import { cheapestVideoJob, startingGrantProblem } from "@/lib/settings/starting-grant-check";

export type AdminSetting = {
  key: SettingKey;
  value: unknown;
  default_value: unknown;
  is_default: boolean;
  updated_at: Date | null;
  updated_by_email: string | null;
  /** What the operator should know about this value (a starting grant too small for video). */
  warning: string | null;
};

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

export async function listAdminSettings(actor: Actor): Promise<AdminSetting[]> {
  assertAdmin(actor);
  const rows = await sql<{ key: string; value: unknown; updated_at: Date; email: string | null }[]>`
    select s.key, s.value, s.updated_at, p.email
    from app_settings s left join profiles p on p.id = s.updated_by
    where s.key in ${sql(SETTING_KEYS)}`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const cheapestVideo = await cheapestVideoJob();
  return SETTING_KEYS.map((key) => {
    const row = byKey.get(key);
    const stored = row ? SETTINGS[key].schema.safeParse(row.value) : null;
    const fallback = SETTINGS[key].fallback();
    const value = stored?.success ? stored.data : fallback;
    return {
      key,
      value,
      default_value: fallback,
      is_default: !stored?.success,
      updated_at: row?.updated_at ?? null,
      updated_by_email: row?.email ?? null,
      warning: key === "starting_credits" ? startingGrantProblem(value as number, cheapestVideo) : null,
    };
  });
}
