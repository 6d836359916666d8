import "server-only";
// "Request credits" on /credits: tells every admin, in the app, who asks and what they have.
// Once a day per person: the upsert only moves `requested_at` when the last request is a day
// old, so a second click (or a second tab) within the day changes nothing and is told when.
import { sql } from "@/lib/db/client";
import { notifyAdmins } from "@/lib/db/notifications";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/plural";

const DAY_SECONDS = 24 * 60 * 60;

export type CreditRequester = { id: string; email: string | null; displayName: string | null };

export async function requestCredits(user: CreditRequester): Promise<{ requestedAt: Date }> {
  const [row] = await sql<{ requested_at: Date }[]>`
    insert into credit_requests (user_id) values (${user.id})
    on conflict (user_id) do update
      set requested_at = now(), request_count = credit_requests.request_count + 1
      where credit_requests.requested_at <= now() - interval '1 day'
    returning requested_at`;
  if (!row) throw await alreadyAsked(user.id);
  const [profile] = await sql<{ credits: number }[]>`select credits from profiles where id = ${user.id}`;
  const who = user.email ?? user.displayName ?? "Someone";
  await notifyAdmins({
    kind: "credits_requested",
    title: "Credits requested",
    body: `${who} asks for credits (balance: ${plural(profile?.credits ?? 0, "credit")}). Add them in Admin → Users.`,
  });
  return { requestedAt: row.requested_at };
}

async function alreadyAsked(userId: string): Promise<AppError> {
  const [last] = await sql<{ wait: number }[]>`
    select greatest(1, ceil(extract(epoch from requested_at + interval '1 day' - now())))::int as wait
    from credit_requests where user_id = ${userId}`;
  const wait = last?.wait ?? DAY_SECONDS;
  const hours = Math.ceil(wait / 3600);
  return new AppError(
    "rate_limited",
    `You asked already. The admins have your request; you can ask again in ${plural(hours, "hour")}.`,
    { headers: { "Retry-After": String(wait) } },
  );
}
