// Tables shaped like a production one for plan tests: several people's libraries side by side,
// so that Postgres estimates one person's rows from statistics of the whole table.
import type { Sql, TransactionSql } from "postgres";

/**
 * `count` people (emails starting with `prefix`), the rows `fill` writes for them in one
 * transaction the way bulk changes write (one version bump, lib/gallery/bulk-version.ts), then
 * the table as autovacuum leaves it: statistics, and the GIN indexes' lists of new entries
 * merged. The people in the order made.
 */
export async function fillLibraries(
  sql: Sql,
  prefix: string,
  count: number,
  fill: (tx: TransactionSql, people: string[]) => Promise<unknown>,
): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    insert into profiles (email) select ${prefix} || n || '@example.com' from generate_series(1, ${count}) n
    returning id`;
  const people = rows.map((person) => person.id);
  await sql.begin(async (tx) => {
    await tx`select set_config('atelier.bulk_update', 'on', true)`;
    await fill(tx, people);
  });
  await sql`vacuum analyze generations`;
  await sql`vacuum analyze generation_tags`;
  return people;
}
