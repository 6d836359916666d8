import "server-only";
// Which live channel this deployment can offer, decided once per process from the env.
// LISTEN needs a session of its own on the database: Supabase's transaction pooler (port 6543,
// or any URL marked pgbouncer=true) hands each transaction a different server connection, and
// a Vercel function cannot hold a connection between invocations. There the browser takes
// Supabase Realtime when Supabase is configured, and stays on polling otherwise.
import { env, mode } from "@/lib/env";
import type { LiveConfig, LiveMode } from "./types";

const TRANSACTION_POOLER_PORT = "6543";

export type LiveModeInput = {
  /** DATABASE_URL as configured; undefined for the embedded server. */
  databaseUrl: string | undefined;
  /** The VERCEL variable Vercel sets on its functions ("1"). */
  vercel: string | undefined;
  supabase: boolean;
};

export function canListen({ databaseUrl, vercel }: LiveModeInput): boolean {
  if (vercel === "1") return false;
  if (!databaseUrl) return true;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return false;
  }
  if (url.port === TRANSACTION_POOLER_PORT) return false;
  return url.searchParams.get("pgbouncer") !== "true";
}

export function liveModeFor(input: LiveModeInput): LiveMode {
  if (canListen(input)) return "sse";
  return input.supabase ? "realtime" : "polling";
}

export const liveMode: LiveMode = liveModeFor({
  databaseUrl: mode.database === "embedded" ? undefined : env.DATABASE_URL,
  vercel: env.VERCEL,
  supabase: mode.auth === "supabase",
});

/** The browser's part: the mode, and the public Supabase keys when it subscribes to Realtime. */
export function liveConfig(): LiveConfig {
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  return {
    mode: liveMode,
    supabase: liveMode === "realtime" && url && key ? { url, key } : null,
  };
}
