import "server-only";
// Usage and cost over the last N days: generation counts and credits (charged minus refunded,
// automatic and admin refunds alike) per UTC day, per model, per provider and for the top
// users. Generations are counted by when they were created; their credits go with them.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";

export type UsageBucket = {
  generations: number;
  failed: number;
  charged: number;
  refunded: number;
  net: number;
};
export type UsageReport = {
  days: number;
  since: Date;
  totals: UsageBucket;
  per_day: (UsageBucket & { day: string })[];
  per_model: (UsageBucket & { model_id: string })[];
  per_provider: (UsageBucket & { provider: string })[];
  per_user: (UsageBucket & { user_id: string; email: string | null })[];
};

export const TOP_USERS = 20;

type Row = Record<string, unknown> & {
  generations: number;
  failed: number;
  charged: number;
  refunded: number;
};

const bucket = (r: Row): UsageBucket => ({
  generations: r.generations,
  failed: r.failed,
  charged: r.charged,
  refunded: r.refunded,
  net: r.charged - r.refunded,
});

export async function usageReport(actor: Actor, days = 30): Promise<UsageReport> {
  assertAdmin(actor);
  // One pass over the window's generations with their charge and refunds; grouping sets give
  // every breakdown from it. grouping() tells which breakdown a row belongs to.
  const rows = await sql<
    (Row & {
      set: string;
      day: string | null;
      model_id: string | null;
      provider: string | null;
      user_id: string | null;
    })[]
  >`
    with g as (
      select g.id, g.user_id, g.model_id, g.provider, g.status,
             to_char(g.created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
             coalesce(sum(-l.delta) filter (where l.reason = 'charge'), 0) as charged,
             coalesce(sum(l.delta) filter (where l.reason in ('refund', 'admin_refund')), 0) as refunded
      from generations g left join credit_ledger l on l.generation_id = g.id
      where g.created_at >= (date_trunc('day', now() at time zone 'UTC') - make_interval(days => ${days - 1})) at time zone 'UTC'
      group by g.id
    )
    select case
             when grouping(day) = 0 then 'day'
             when grouping(model_id) = 0 then 'model'
             when grouping(provider) = 0 then 'provider'
             when grouping(user_id) = 0 then 'user'
             else 'total' end as set,
           day, model_id, provider, user_id,
           count(*)::int as generations,
           (count(*) filter (where status = 'failed'))::int as failed,
           sum(charged)::int as charged, sum(refunded)::int as refunded
    from g
    group by grouping sets ((day), (model_id), (provider), (user_id), ())`;
  const since = new Date(`${utcDay(Date.now() - (days - 1) * 86_400_000)}T00:00:00Z`);
  const of = (set: string) => rows.filter((r) => r.set === set);
  const byNet = <T extends UsageBucket>(a: T, b: T) => b.net - a.net || b.generations - a.generations;

  const perDay = new Map(of("day").map((r) => [r.day as string, bucket(r)]));
  const empty: UsageBucket = { generations: 0, failed: 0, charged: 0, refunded: 0, net: 0 };
  const topUsers = of("user")
    .map((r) => ({ user_id: r.user_id as string, ...bucket(r) }))
    .sort(byNet)
    .slice(0, TOP_USERS);
  const emails = topUsers.length
    ? await sql<{ id: string; email: string | null }[]>`
        select id, email from profiles where id in ${sql(topUsers.map((u) => u.user_id))}`
    : [];
  const emailOf = new Map(emails.map((e) => [e.id, e.email]));
  const total = of("total")[0];

  return {
    days,
    since,
    totals: total ? bucket(total) : empty,
    per_day: Array.from({ length: days }, (_, i) => {
      const day = utcDay(since.getTime() + i * 86_400_000);
      return { day, ...(perDay.get(day) ?? empty) };
    }),
    per_model: of("model")
      .map((r) => ({ model_id: r.model_id as string, ...bucket(r) }))
      .sort(byNet),
    per_provider: of("provider")
      .map((r) => ({ provider: r.provider as string, ...bucket(r) }))
      .sort(byNet),
    per_user: topUsers.map((u) => ({ ...u, email: emailOf.get(u.user_id) ?? null })),
  };
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
