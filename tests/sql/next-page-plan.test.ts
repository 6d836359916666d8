// The gallery's next page (lib/db/generation-list.ts, `before`): in the unfiltered list the
// cursor's values go through sub-selects so that Postgres keeps one plan for every next page,
// and that plan still starts reading the index at the cursor, with the same rows as the plain
// comparison. With the values in view, Postgres planned each next page again.
import type { ReservedSql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fillLibraries } from "../helpers/libraries";

let db: TestDatabase;
let user: string;

const PAGE = `
  select string_agg(id::text, ',' order by created_at desc, id desc) as ids from (
    select id, created_at from generations
    where user_id = $1 and trashed_at is null and %BEFORE%
    order by created_at desc, id desc limit 61) page`;
const KEPT = "(created_at, id) < ((select $2::text::timestamptz), (select $3::uuid))";
const IN_VIEW = "(created_at, id) < ($2::text::timestamptz, $3::uuid)";

type Cursor = { created_at: string; id: string };

/** EXECUTE takes no bound parameters: the values (read from the table itself) are written in. */
function args(cursor: Cursor | undefined): string {
  if (!cursor) throw new Error("no cursor");
  return `('${user}', '${cursor.created_at}', '${cursor.id}')`;
}

/** Runs a prepared next page at each cursor; its ids per cursor, and how often it was planned. */
async function pages(sql: ReservedSql, name: string, before: string, cursors: Cursor[]) {
  await sql.unsafe(`prepare ${name}(uuid, text, uuid) as ${PAGE.replace("%BEFORE%", before)}`);
  const ids: string[] = [];
  for (const cursor of cursors) {
    const [row] = await sql.unsafe(`execute ${name}${args(cursor)}`);
    ids.push(row?.ids);
  }
  const [plans] = await sql<{ generic: number; custom: number }[]>`
    select generic_plans::int as generic, custom_plans::int as custom
    from pg_prepared_statements where name = ${name}`;
  return { ids, plans };
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Ten libraries of 1,500 made over the same hours, as a table of many users holds them; in
  // each, three generations share every tenth second.
  const people = await fillLibraries(
    db.sql,
    "pages",
    10,
    (tx, people) => tx`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, created_at, completed_at)
      select (${people}::uuid[])[n % 10 + 1], 'flux-schnell', 'replicate', 'image',
             'completed', '{}'::jsonb, 'study ' || n, date_trunc('second', now()) - make_interval(secs => n / 30 * 10), now()
      from generate_series(1, 15000) n`,
  );
  user = people[0] as string;
});
afterAll(() => db?.drop());

describe("the unfiltered list's next page", () => {
  it("is planned once for every cursor, reads the index from the cursor on, and finds the same rows", async () => {
    // Cursors at ten depths, each the middle one of the three in its second: the id breaks the tie.
    const cursors = await db.sql<Cursor[]>`
      select (to_json(created_at) #>> '{}') as created_at, id from generations where user_id = ${user}
      order by created_at desc, id desc offset 60 limit 10 * 120`.then((rows) =>
      rows.filter((_, i) => i % 120 === 0),
    );
    expect(cursors).toHaveLength(10);
    const sql = await db.sql.reserve();
    try {
      const kept = await pages(sql, "next_page_kept", KEPT, cursors);
      const inView = await pages(sql, "next_page_in_view", IN_VIEW, cursors);

      expect(kept.ids).toEqual(inView.ids);
      expect(kept.ids.every((ids) => ids?.split(",").length === 61)).toBe(true);
      // Postgres tries five custom plans before it weighs the generic one.
      expect(kept.plans).toEqual({ generic: 5, custom: 5 });
      expect(inView.plans).toEqual({ generic: 0, custom: 10 });

      const [plan] = await sql.unsafe(`explain (format json) execute next_page_kept${args(cursors[9])}`);
      const text = JSON.stringify(plan?.["QUERY PLAN"]);
      // The cursor bounds the index scan itself: no rows before it are read and dropped.
      expect(text).toMatch(
        /"Index Cond":"[^"]*ROW\(created_at, id\) < ROW\(\(InitPlan 1\)\.col1, \(InitPlan 2\)\.col1\)/,
      );
    } finally {
      sql.release();
    }
  });
});
