// The list as Postgres plans it for speed (a stored search column, a literal LIMIT for the
// unfiltered list, the page built as JSON) answers exactly what the plain query answers:
// the same rows, in the same order, with the same timestamps, on data made to trip it up
// (rows sharing a created_at, rows a microsecond apart, trashed rows, another user's rows
// with the same words and times, prompts that match only by stem or only by substring).
import type { PendingQuery, Row, Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { newSession, userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";
import { idsOnAllPages } from "../helpers/paging";

let app: TestApp;
let alice: Client;
let aliceId: string;

type Item = {
  id: string;
  created_at: string;
  completed_at: string | null;
  started_at: string | null;
  trashed_at: string | null;
};

const PROMPTS = [
  "a nebula over the sea",
  "NEBULA in capitals",
  "two nebulas, stemmed",
  "supernebulae, only a substring",
  "a lighthouse at dusk",
  null,
  "100% nebula_like",
];

/** Rows for a user: ties in created_at, microsecond steps, a trashed share, every facet. */
async function seed(sql: Sql, userId: string, session: string) {
  await sql`
    insert into generations (user_id, model_id, provider, kind, status, input, prompt, starred, tags,
                             workspace_id, created_at, completed_at, started_at, trashed_at)
    select ${userId},
           case when n % 3 = 0 then 'veo-3-fast' else 'flux-schnell' end,
           case when n % 3 = 0 then 'google' else 'replicate' end,
           case when n % 3 = 0 then 'video' else 'image' end,
           case when n % 11 = 0 then 'failed' else 'completed' end,
           '{}'::jsonb, (${PROMPTS}::text[])[1 + n % ${PROMPTS.length}],
           n % 4 = 0,
           case when n % 5 = 0 then array['sea'] else '{}' end,
           case when n % 2 = 0 then ${session}::uuid end,
           -- Groups of four share a created_at to the microsecond; groups step by 1 µs, then by
           -- whole milliseconds and days, so ties, same-millisecond rows and dates all occur.
           ts, ts + interval '1 second', case when n % 6 = 0 then ts end,
           case when n % 7 = 0 then ts + interval '2 seconds' end
    from (select n, '2026-03-10 12:00:00.123456+00'::timestamptz
                    + make_interval(secs => (n / 4) * 0.000001 + (n / 40) * 0.001)
                    + make_interval(days => n / 80) as ts
          from generate_series(1, 240) n) rows`;
}

/** What the plain query answers: every matching row, newest first, ties broken by id. */
type Where = (sql: Sql) => PendingQuery<Row[]>;

async function expected(sql: Sql, where: Where, trashed = false) {
  const rows = await sql<
    {
      id: string;
      created_at: Date;
      completed_at: Date | null;
      started_at: Date | null;
      trashed_at: Date | null;
    }[]
  >`
    select id, created_at, completed_at, started_at, trashed_at from generations
    where user_id = ${aliceId} and ${trashed ? sql`trashed_at is not null` : sql`trashed_at is null`}
      and ${where(sql)}
    order by created_at desc, id desc`;
  return rows.map((row) => ({
    id: row.id,
    created_at: row.created_at.toISOString(),
    completed_at: row.completed_at?.toISOString() ?? null,
    started_at: row.started_at?.toISOString() ?? null,
    trashed_at: row.trashed_at?.toISOString() ?? null,
  }));
}

const oldSearch =
  (q: string, pattern: string): Where =>
  (sql) =>
    sql`(to_tsvector('english', coalesce(prompt, '')) @@ websearch_to_tsquery('english', ${q})
       or prompt ilike ${pattern})`;

beforeAll(async () => {
  app = await startApp();
  alice = await signIn(app.url, "alice@example.com");
  await signIn(app.url, "bob@example.com");
  aliceId = await userIdOf(app.db.sql, "alice@example.com");
  const bobId = await userIdOf(app.db.sql, "bob@example.com");
  await seed(app.db.sql, aliceId, await newSession(app.db.sql, aliceId, "Alice's"));
  // Bob's rows share Alice's times and words: none may show up in her list or shift her pages.
  await seed(app.db.sql, bobId, await newSession(app.db.sql, bobId, "Bob's"));
  await app.db.sql`analyze generations`;
});
afterAll(async () => {
  await app?.stop();
});

async function firstPage(path: string): Promise<Item[]> {
  const page = await alice.get<{ items: Item[]; next_cursor: string | null }>(path);
  expect(page.status).toBe(200);
  return page.body.items.map(({ id, created_at, completed_at, started_at, trashed_at }) => ({
    id,
    created_at,
    completed_at,
    started_at,
    trashed_at,
  }));
}

describe("the list against the plain query", () => {
  it.each([
    ["the whole gallery", "", (sql: Sql) => sql`true`],
    ["a word, stemmed, any case", "q=nebula", oldSearch("nebula", "%nebula%")],
    ["a part of a word", "q=ebula", oldSearch("ebula", "%ebula%")],
    ["pattern characters", "q=100%25", oldSearch("100%", "%100\\%%")],
    ["a tag", "tag=sea", (sql: Sql) => sql`tags @> array['sea']`],
    [
      "facets with a search",
      "q=nebula&kind=image&starred=false&tag=sea",
      (sql: Sql) =>
        sql`${oldSearch("nebula", "%nebula%")(sql)} and kind = 'image' and not starred and tags @> array['sea']`,
    ],
    [
      "facets and dates",
      "status=completed&model=flux-schnell&from=2026-03-11&to=2026-03-12",
      (sql: Sql) =>
        sql`status = 'completed' and model_id = 'flux-schnell'
            and created_at >= '2026-03-11T00:00:00Z' and created_at < '2026-03-13T00:00:00Z'`,
    ],
  ])("%s: same rows, same order, same timestamps", async (_name, query, where) => {
    const want = await expected(app.db.sql, where);
    expect(want.length).toBeGreaterThan(3);
    expect(await firstPage(`/api/generations/list?limit=100&${query}`)).toEqual(want.slice(0, 100));
    // Two at a time: every cursor lands in a run of equal created_at or a microsecond step.
    expect(await idsOnAllPages(alice, `/api/generations/list?limit=2&${query}`)).toEqual(
      want.map((row) => row.id),
    );
  });

  it("the trash: same rows, same order, trashed_at as stored", async () => {
    const want = await expected(app.db.sql, (sql) => sql`true`, true);
    expect(want.length).toBeGreaterThan(3);
    expect(await firstPage("/api/generations/trash?limit=100")).toEqual(want.slice(0, 100));
    expect(await idsOnAllPages(alice, "/api/generations/trash?limit=3")).toEqual(want.map((row) => row.id));
  });
});
