import "server-only";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
// Who a bearer key belongs to, counted against the key's rate limit in the same statement:
// one fixed one-minute window per key, kept on the key's row (every app process shares it),
// and a per-day request count for Admin → Usage.
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/secret";
import type { AuthUser } from "@/lib/auth/types";
import { sql } from "@/lib/db/client";
import { PROFILE_COLUMNS, type ProfileRow, toAuthUser } from "@/lib/db/profiles";

/** Requests one key may make per minute; the generation limits of its owner apply on top. */
export const API_KEY_REQUESTS_PER_MINUTE = 120;
const WINDOW_SECONDS = 60;

export type ApiKeyCaller = {
  user: AuthUser;
  key: { id: string; scopes: ApiKeyScope[] };
  /** Seconds until the key may call again; 0 when this request is within its limit. */
  retryAfterSeconds: number;
};

type Row = ProfileRow & { key_id: string; scopes: ApiKeyScope[]; window_requests: number; reset_in: number };

/** The active owner of a live key, or null for unknown, malformed or revoked keys and banned owners. */
export async function authenticateApiKey(token: string): Promise<ApiKeyCaller | null> {
  if (!isWellFormedApiKey(token)) return null;
  const fresh = sql`window_started_at <= now() - make_interval(secs => ${WINDOW_SECONDS})`;
  const [row] = await sql<Row[]>`
    with k as (
      update api_keys set
        last_used_at = now(),
        window_started_at = case when ${fresh} then now() else window_started_at end,
        window_requests = case when ${fresh} then 1 else window_requests + 1 end
      where key_hash = ${hashApiKey(token)} and revoked_at is null
      returning id, user_id, scopes, window_requests, window_started_at
    ), usage as (
      insert into api_key_usage (key_id, day, requests, limited)
      select id, (now() at time zone 'UTC')::date, 1,
             (window_requests > ${API_KEY_REQUESTS_PER_MINUTE})::int
      from k
      on conflict (key_id, day) do update set
        requests = api_key_usage.requests + 1, limited = api_key_usage.limited + excluded.limited
    )
    select ${PROFILE_COLUMNS}, k.id as key_id, k.scopes, k.window_requests,
           ceil(extract(epoch from k.window_started_at + make_interval(secs => ${WINDOW_SECONDS}) - now()))::int as reset_in
    from k join profiles on profiles.id = k.user_id
    where profiles.status = 'active'`;
  if (!row) return null;
  return {
    user: toAuthUser(row),
    key: { id: row.key_id, scopes: row.scopes },
    retryAfterSeconds:
      row.window_requests > API_KEY_REQUESTS_PER_MINUTE
        ? Math.max(1, Math.min(WINDOW_SECONDS, row.reset_in))
        : 0,
  };
}
