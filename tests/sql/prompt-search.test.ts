// The gallery's prompt search on 20,000 rows (lib/db/generation-list.ts): the stored words and
// the stored lower-case prompt follow the prompt, a word common in the library is found by
// reading the newest rows in order and stopping at a page (no sort of every match, no
// to_tsvector and no case folding per row), and a rare word or part of one goes through an index.
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fillLibraries } from "../helpers/libraries";
import { type PlanNode, planNodes } from "../helpers/query-plan";

let db: TestDatabase;
let user: string;

/** The plan of the list's search, as the app asks it (values bound, one page and one more). */
async function searchPlan(sql: Sql, q: string): Promise<PlanNode[]> {
  return planNodes(
    sql,
    `select id from generations
     where user_id = $1 and trashed_at is null
       and (prompt_search @@ websearch_to_tsquery('english', $2) or prompt_folded like lower($3))
     order by created_at desc, id desc limit $4`,
    [user, q, `%${q}%`, 61],
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  // One prompt in ten has "nebula"; one prompt has "zeppelin".
  const [person] = await fillLibraries(
    db.sql,
    "words",
    1,
    (tx, [owner]) => tx`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, created_at, completed_at)
      select ${owner as string}, 'flux-schnell', 'replicate', 'image', 'completed', '{}'::jsonb,
             case when n = 777 then 'a zeppelin' when n % 10 = 0 then 'a nebula, study ' || n
                  when n % 97 = 0 then null else 'a lighthouse, study ' || n end,
             now() - make_interval(secs => n), now()
      from generate_series(1, 20000) n`,
  );
  user = person as string;
});
afterAll(() => db?.drop());

describe("prompt search", () => {
  it("keeps the words of every prompt, and of a changed one", async () => {
    const [{ differ } = { differ: -1 }] = await db.sql<{ differ: number }[]>`
      select count(*)::int as differ from generations
      where prompt_search is distinct from to_tsvector('english', coalesce(prompt, ''))`;
    expect(differ).toBe(0);
    const [changed] = await db.sql`
      update generations set prompt = 'Cats sleeping' where prompt = 'a zeppelin' returning prompt_search::text`;
    expect(changed?.prompt_search).toBe("'cat':1 'sleep':2");
    const [folded] = await db.sql`select prompt_folded from generations where prompt = 'Cats sleeping'`;
    expect(folded?.prompt_folded).toBe("cats sleeping");
    await db.sql`update generations set prompt = 'a zeppelin' where prompt = 'Cats sleeping'`;
  });

  it("reads the newest rows in order for a common word, testing stored words", async () => {
    const plan = await searchPlan(db.sql, "nebula");
    const types = plan.map((node) => node["Node Type"]);
    expect(types).toContain("Index Scan");
    expect(types).not.toContain("Sort");
    expect(JSON.stringify(plan)).not.toContain("to_tsvector");
    // ILIKE (~~*) would fold the case of every prompt it tests.
    expect(JSON.stringify(plan)).not.toContain("~~*");
  });

  it("finds a rare part of a word through the trigram index on the folded prompt", async () => {
    const plan = await searchPlan(db.sql, "EPPELI");
    expect(plan.map((node) => node["Index Name"])).toContain("generations_prompt_folded_trgm_idx");
    const [found] = await db.sql<{ prompt: string }[]>`
      select prompt from generations where user_id = ${user} and prompt_folded like lower(${"%EPPELI%"})`;
    expect(found?.prompt).toBe("a zeppelin");
  });

  it("finds a rare word through the words' index", async () => {
    const plan = await searchPlan(db.sql, "zeppelin");
    expect(plan.map((node) => node["Index Name"])).toContain("generations_prompt_search_idx");
    expect(JSON.stringify(plan)).not.toContain("to_tsvector");
  });
});
