// A query's plan as Postgres gives it in JSON, flattened: for tests that check how the list is
// read (which index, how many rows, whether it sorts) rather than only what it returns.
import type { Sql } from "postgres";

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Filter?: string;
  /** With `analyze`: rows per loop, the loops, and the rows a filter or recheck dropped. */
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

function flatten(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(flatten)];
}

/** Every node of the query's plan, the top one first. `analyze` runs the query to count rows. */
export async function planNodes(
  sql: Sql,
  query: string,
  params: unknown[],
  options: { analyze?: boolean } = {},
): Promise<PlanNode[]> {
  const [row] = await sql.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
    `explain (${options.analyze ? "analyze, " : ""}format json) ${query}`,
    params as never[],
  );
  const plan = row?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error("no plan");
  return flatten(plan);
}
