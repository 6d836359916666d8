// A tag's rows in the list's order (generation_tags, migration 20261201020000): kept from
// `generations.tags` on every change, gone with the generation, and read for a page of a tag
// newest first and only as far as the page, in a table where the tag is a small share of all
// rows but a large one of its owner's library (Postgres then took it for a rare one, read all
// of its rows through the GIN index on `tags` and sorted them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fillLibraries } from "../helpers/libraries";
import { planNodes } from "../helpers/query-plan";

let db: TestDatabase;
let user: string;

/** A page of a tag, as lib/db/generation-list.ts asks for it (taggedPage). */
const TAGGED_PAGE = `
  select t.generation_id as id from generation_tags t
  cross join lateral (
    select xmin from generations
    where generations.id = t.generation_id and user_id = $1 and trashed_at is null and kind = 'image'
  ) g
  where t.user_id = $1 and t.tag = $2
  order by t.created_at desc, t.generation_id desc
  limit 61`;

async function tagsOf(generationId: string): Promise<string[]> {
  const rows = await db.sql<{ tag: string }[]>`
    select tag from generation_tags where generation_id = ${generationId} order by tag`;
  return rows.map((row) => row.tag);
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Eight libraries of 2,000 made over the same hours; in each, one row in five has a tag of
  // its owner's own ("client-1" … "client-8"), as people name their tags.
  const people = await fillLibraries(
    db.sql,
    "tags",
    8,
    (tx, people) =>
      tx`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, tags, created_at, completed_at)
      select (${people}::uuid[])[n % 8 + 1], 'flux-schnell', 'replicate', 'image', 'completed',
             '{}'::jsonb, 'study ' || n,
             case when n / 8 % 5 = 0 then array['client-' || (n % 8 + 1)] else '{}' end,
             now() - make_interval(secs => n), now() - make_interval(secs => n)
      from generate_series(1, 16000) n`,
  );
  user = people[0] as string;
});
afterAll(() => db?.drop());

describe("generation_tags", () => {
  it("follows a generation's tags as they are given, changed and removed, and goes with it", async () => {
    const [made] = await db.sql<{ id: string }[]>`
      insert into generations (user_id, model_id, provider, kind, status, prompt, tags)
      values (${user}, 'flux-schnell', 'replicate', 'image', 'queued', 'a fox', array['fox', 'sea'])
      returning id`;
    const id = made?.id as string;
    expect(await tagsOf(id)).toEqual(["fox", "sea"]);

    await db.sql`update generations set tags = array['sea', 'winter'] where id = ${id}`;
    expect(await tagsOf(id)).toEqual(["sea", "winter"]);

    // A bulk action's transaction skips the per-row version bump, not the tags.
    await db.sql.begin(async (tx) => {
      await tx`select set_config('atelier.bulk_update', 'on', true)`;
      await tx`update generations set tags = array_remove(tags, 'sea') where id = ${id}`;
    });
    expect(await tagsOf(id)).toEqual(["winter"]);

    // A job's own updates leave them as they are.
    await db.sql`update generations set status = 'processing', progress = 0.5 where id = ${id}`;
    expect(await tagsOf(id)).toEqual(["winter"]);

    const [row] = await db.sql<{ user_id: string; created_at: Date }[]>`
      select user_id, created_at from generation_tags where generation_id = ${id}`;
    const [generation] = await db.sql<
      { created_at: Date }[]
    >`select created_at from generations where id = ${id}`;
    expect(row?.user_id).toBe(user);
    expect(row?.created_at).toEqual(generation?.created_at);

    await db.sql`update generations set tags = '{}' where id = ${id}`;
    expect(await tagsOf(id)).toEqual([]);
    await db.sql`update generations set tags = array['fox'] where id = ${id}`;
    await db.sql`delete from generations where id = ${id}`;
    expect(await tagsOf(id)).toEqual([]);
  });

  it("has a row for every tag of every generation, and no other", async () => {
    const [differ] = await db.sql<{ missing: number; extra: number }[]>`
      select
        (select count(*)::int from generations, unnest(tags) tag
         where not exists (select 1 from generation_tags t where t.generation_id = generations.id and t.tag = tag)) as missing,
        (select count(*)::int from generation_tags t join generations g on g.id = t.generation_id
         where not (t.tag = any (g.tags)) or t.user_id <> g.user_id or t.created_at <> g.created_at) as extra`;
    expect(differ).toEqual({ missing: 0, extra: 0 });
    const [count] = await db.sql<{ n: number }[]>`select count(*)::int as n from generation_tags`;
    expect(count?.n).toBeGreaterThan(3000);
  });
});

describe("a page of a tag", () => {
  it("reads the tag's newest rows up to the page, in order, with the same rows as the tags column", async () => {
    const plan = await planNodes(db.sql, TAGGED_PAGE, [user, "client-1"], { analyze: true });
    expect(plan.map((node) => node["Node Type"])).not.toContain("Sort");
    // 400 of the user's rows have the tag: the page reads 61 of them, and 61 generations.
    const tagRows = plan.find((node) => node["Relation Name"] === "generation_tags");
    const generations = plan.find((node) => node["Relation Name"] === "generations");
    expect(tagRows?.["Actual Rows"]).toBe(61);
    expect(generations).toMatchObject({ "Actual Loops": 61, "Actual Rows": 1 });

    const page = await db.sql.unsafe<{ id: string }[]>(TAGGED_PAGE, [user, "client-1"]);
    const plain = await db.sql<{ id: string }[]>`
      select id from generations where user_id = ${user} and tags @> array['client-1'] and kind = 'image'
      order by created_at desc, id desc limit 61`;
    expect(page.map((r) => r.id)).toEqual(plain.map((r) => r.id));
    expect(page).toHaveLength(61);
  });
});
