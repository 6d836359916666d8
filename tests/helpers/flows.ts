// Building flow graphs and following runs in API tests.
import { expect } from "vitest";
import type { FlowEdge, FlowGraph, FlowNode } from "../../lib/flows/graph-schema";
import type { RunView } from "../../lib/flows/run-types";
import type { TestApp } from "./app";
import type { Client } from "./http";

const at = { x: 0, y: 0 };

export const node = {
  text: (id: string, text: string): FlowNode => ({ id, type: "text", position: at, data: { text } }),
  generate: (id: string, model: string, params: Record<string, unknown> = {}): FlowNode => ({
    id,
    type: "generate",
    position: at,
    data: { model, params },
  }),
  output: (id: string): FlowNode => ({ id, type: "output", position: at, data: {} }),
};

export function link(
  source: string,
  target: string,
  targetHandle: string,
  sourceHandle: string | null = null,
): FlowEdge {
  return { id: `${source}->${target}.${targetHandle}`, source, sourceHandle, target, targetHandle };
}

export async function createFlow(client: Client, graph: FlowGraph, name = "Test flow"): Promise<string> {
  const res = await client.post<{ id: string }>("/api/flows", { name, graph });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

export async function startRun(
  client: Client,
  flowId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await client.post<{ id: string }>(`/api/flows/${flowId}/runs`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.id;
}

/** Polls a run until `done` says so (by default: until it has ended). */
export async function waitForRun(
  client: Client,
  flowId: string,
  runId: string,
  done: (run: RunView) => boolean = (run) => run.status !== "running",
  timeoutMs = 45_000,
): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get<RunView>(`/api/flows/${flowId}/runs/${runId}`);
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not get there: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Text → FLUX.1 [schnell] (1 credit) → Real-ESRGAN (2 credits) → Output: nodes t, a, b, out. */
export const chain = (prompt: string): FlowGraph => ({
  nodes: [
    node.text("t", prompt),
    node.generate("a", "flux-schnell"),
    node.generate("b", "real-esrgan"),
    node.output("out"),
  ],
  edges: [link("t", "a", "prompt"), link("a", "b", "image"), link("b", "out", "image")],
});

/**
 * The chain, run until its first step is at the provider: the moment to kill a server mid-run.
 * The prompt carries the emulator's control (`[slow]`, `[stall]`).
 */
export async function runChainUntilFirstStepRuns(client: Client, prompt: string) {
  const flowId = await createFlow(client, chain(prompt));
  const runId = await startRun(client, flowId);
  await waitForRun(client, flowId, runId, (r) =>
    r.nodes.some((n) => n.node_id === "a" && n.status === "running"),
  );
  return { flowId, runId };
}

export const statuses = (run: RunView) => Object.fromEntries(run.nodes.map((n) => [n.node_id, n.status]));

export async function balanceOf(client: Client): Promise<number> {
  return (await client.get<{ credits: number }>("/api/me")).body.credits;
}

/** The balance is the ledger's sum, and what the ledger says about one run. */
export async function ledgerOf(app: TestApp, email: string, runId?: string) {
  const [sums] = await app.db.sql<{ credits: number; ledger: number }[]>`
    select p.credits, coalesce(sum(l.delta), 0)::int as ledger
    from profiles p left join credit_ledger l on l.user_id = p.id
    where p.email = ${email} group by p.credits`;
  expect(sums?.credits).toBe(sums?.ledger);
  if (!runId) return [];
  return app.db.sql<{ reason: string; delta: number }[]>`
    select l.reason, l.delta from credit_ledger l
    where l.flow_run_id = ${runId}
       or l.generation_id in (select id from generations where flow_run_id = ${runId})
    order by l.id`;
}
