import "server-only";
// Settings that admins change at run time (app_settings), each with a typed default. Reads are
// cached for a few seconds per process, so a change takes effect everywhere without a restart.
import { z } from "zod";
import { sql } from "@/lib/db/client";
import { env } from "@/lib/env";

const DEFAULT_CREDITS_PAGE = [
  "Every generation costs credits: the price shows beside the Generate button before you start, and a job that fails is refunded automatically.",
  "New accounts start with a few credits to try things out. For more, ask the people who run this studio: press Request credits and every admin is notified. They add credits to your account, and your balance in the header shows them.",
].join("\n\n");

export const SETTINGS = {
  starting_credits: { schema: z.number().int().min(0).max(1_000_000), fallback: () => env.STARTING_CREDITS },
  daily_generation_cap: { schema: z.number().int().min(0).max(100_000), fallback: () => 500 },
  feature_flags: {
    schema: z.record(z.string(), z.boolean()),
    fallback: () => ({}) as Record<string, boolean>,
  },
  /** The text of /credits: how people get credits here (plain text, blank lines between paragraphs). */
  credits_page: {
    schema: z.string().trim().min(1).max(5000),
    fallback: () => DEFAULT_CREDITS_PAGE,
  },
  /** Days a generation stays in the trash before it and its files are removed for good. */
  trash_retention_days: { schema: z.number().int().min(1).max(3650), fallback: () => 30 },
  system_prompts: {
    schema: z.record(z.string(), z.string().max(20_000)),
    fallback: () => ({}) as Record<string, string>,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = ReturnType<(typeof SETTINGS)[K]["fallback"]>;

const CACHE_MS = 5_000;
let cache: { at: number; values: Map<string, unknown> } | null = null;

async function loadAll(): Promise<Map<string, unknown>> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.values;
  const rows = await sql<{ key: string; value: unknown }[]>`select key, value from app_settings`;
  cache = { at: Date.now(), values: new Map(rows.map((r) => [r.key, r.value])) };
  return cache.values;
}

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const stored = (await loadAll()).get(key);
  const parsed = SETTINGS[key].schema.safeParse(stored);
  return (parsed.success ? parsed.data : SETTINGS[key].fallback()) as SettingValue<K>;
}

export function invalidateSettings(): void {
  cache = null;
}
