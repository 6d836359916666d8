import "server-only";
// Usage per personal API key over the last N days, for Admin → Usage: requests (and how many
// the rate limit refused) per UTC day summed, generations the key created and their net
// credits, and when the key was last used. Keys unused in the window are left out.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";

export type ApiKeyUsage = {
  key_id: string;
  name: string;
  prefix: string;
  user_id: string;
  email: string | null;
  revoked: boolean;
  last_used_at: Date | null;
  requests: number;
  limited: number;
  generations: number;
  net: number;
};

export const TOP_KEYS = 20;

export async function apiKeyUsage(actor: Actor, days = 30): Promise<ApiKeyUsage[]> {
  assertAdmin(actor);
  const since = sql`(date_trunc('day', now() at time zone 'UTC') - make_interval(days => ${days - 1}))`;
  return sql<ApiKeyUsage[]>`
    with requests as (
      select key_id, sum(requests)::int as requests, sum(limited)::int as limited
      from api_key_usage where day >= ${since}::date group by key_id
    ), made as (
      select g.api_key_id as key_id, count(*)::int as generations,
             coalesce(sum(-l.delta) filter (where l.reason = 'charge'), 0)::int
               - coalesce(sum(l.delta) filter (where l.reason in ('refund', 'admin_refund')), 0)::int as net
      from generations g left join credit_ledger l on l.generation_id = g.id
      where g.api_key_id is not null and g.created_at >= ${since} at time zone 'UTC'
      group by g.api_key_id
    )
    select k.id as key_id, k.name, k.prefix, k.user_id, p.email, k.revoked_at is not null as revoked,
           k.last_used_at, coalesce(r.requests, 0) as requests, coalesce(r.limited, 0) as limited,
           coalesce(m.generations, 0) as generations, coalesce(m.net, 0) as net
    from api_keys k
    join profiles p on p.id = k.user_id
    left join requests r on r.key_id = k.id
    left join made m on m.key_id = k.id
    where r.key_id is not null or m.key_id is not null
    order by coalesce(r.requests, 0) desc, k.created_at
    limit ${TOP_KEYS}`;
}
