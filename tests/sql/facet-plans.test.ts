// The gallery's single-value facets (lib/db/generation-list.ts) in a table of many users: a
// value that only a few of the library's rows have (a model tried once, the videos of an
// image-heavy library, the failed jobs) is read from its own rows. Without an index per facet,
// Postgres read every row of the user to find them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fillLibraries } from "../helpers/libraries";
import { type PlanNode, planNodes } from "../helpers/query-plan";

let db: TestDatabase;
let user: string;

/** How many rows of the table the plan read: the ones it kept and the ones its filter dropped. */
function rowsRead(plan: PlanNode[]): number {
  const table = plan.find((node) => node["Relation Name"] === "generations");
  if (!table) throw new Error("the plan reads no table");
  return (
    (table["Actual Rows"] ?? 0) +
    (table["Rows Removed by Filter"] ?? 0) +
    (table["Rows Removed by Index Recheck"] ?? 0)
  );
}

/** A page of the list filtered on one column, as the app asks for it (values bound, 60 and one more). */
async function facetPage(column: string, value: string) {
  const query = `
    select id from generations
    where user_id = $1 and trashed_at is null and ${column} = $2
    order by created_at desc, id desc limit $3`;
  const plan = await planNodes(db.sql, query, [user, value, 61], { analyze: true });
  const ids = await db.sql.unsafe<{ id: string }[]>(query, [user, value, 61]);
  return { plan, ids: ids.map((r) => r.id) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Eight libraries of 3,000 made over the same hours. In each, one row in a hundred is on a
  // model tried once, one in a hundred (another) is a video, one (another) came through Google
  // and one (another) failed; the rest are completed Replicate images of one model.
  const people = await fillLibraries(
    db.sql,
    "facets",
    8,
    (tx, people) =>
      tx`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, error, created_at, completed_at)
      select (${people}::uuid[])[n % 8 + 1],
             case when n / 8 % 100 = 1 then 'rarely-used' else 'flux-schnell' end,
             case when n / 8 % 100 = 3 then 'google' else 'replicate' end,
             case when n / 8 % 100 = 2 then 'video' else 'image' end,
             case when n / 8 % 100 = 4 then 'failed' else 'completed' end,
             '{}'::jsonb, 'study ' || n, case when n / 8 % 100 = 4 then 'It failed.' end,
             now() - make_interval(secs => n), now() - make_interval(secs => n)
      from generate_series(1, 24000) n`,
  );
  user = people[0] as string;
});
afterAll(() => db?.drop());

describe("a facet on few of the library's rows", () => {
  it.each([
    ["model_id", "rarely-used"],
    ["kind", "video"],
    ["provider", "google"],
    ["status", "failed"],
  ])("%s = %s reads only its own rows, none of the library's others", async (column, value) => {
    const { plan, ids } = await facetPage(column, value);
    // 30 of the user's 3,000 rows match: all of them come back, newest first.
    const [expected] = await db.sql<{ ids: string[] }[]>`
      select array_agg(id order by created_at desc, id desc) as ids from generations
      where user_id = ${user} and ${db.sql(column)} = ${value}`;
    expect(ids).toEqual(expected?.ids);
    expect(ids).toHaveLength(30);

    // Only those 30 rows are read (and sorting 30 is cheaper than reading them in order).
    expect(rowsRead(plan)).toBe(30);
  });
});
