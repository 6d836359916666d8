// Flow runs on the emulator: each step is an ordinary generation started by the engine when its
// inputs are ready; unchanged steps are reused at no cost; the run's price is reserved once,
// settled per step and the rest released at the end, whatever way it ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import {
  balanceOf,
  chain,
  createFlow,
  ledgerOf,
  link,
  node,
  startRun,
  statuses,
  waitForRun,
} from "../helpers/flows";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2, env: { STARTING_CREDITS: "100" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

describe("a flow run", () => {
  it("runs a 3-node chain end to end, each step a generation fed by the one before", async () => {
    const email = "chain@example.com";
    const client = await signIn(app.url, email);
    const flowId = await createFlow(client, chain("a lighthouse at dawn"));
    const estimate = await client.post(`/api/flows/${flowId}/estimate`, {});
    expect(estimate.body).toEqual({
      credits: 3,
      nodes: [
        { node_id: "t", credits: 0 },
        { node_id: "a", credits: 1 },
        { node_id: "b", credits: 2 },
        { node_id: "out", credits: 0 },
      ],
    });
    const runId = await startRun(client, flowId);
    const run = await waitForRun(client, flowId, runId);
    expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
    expect(statuses(run)).toEqual({ t: "done", a: "done", b: "done", out: "done" });
    expect(run).toMatchObject({ estimated_credits: 3, charged_credits: 3 });
    const b = run.nodes.find((n) => n.node_id === "b");
    expect(b?.outputs[0]?.url).toContain("/api/files/");
    expect(await balanceOf(client)).toBe(97);

    // Each generation knows its run and node, and the upscale consumed the image's output.
    const gens = await app.db.sql<{ id: string; node_id: string; flow_run_id: string; model_id: string }[]>`
      select id, node_id, flow_run_id, model_id from generations where flow_run_id = ${runId} order by created_at`;
    expect(gens.map((g) => [g.node_id, g.model_id])).toEqual([
      ["a", "flux-schnell"],
      ["b", "real-esrgan"],
    ]);
    const [edge] = await app.db.sql`
      select gi.slot, a.generation_id from generation_inputs gi join assets a on a.id = gi.asset_id
      where gi.generation_id = ${gens[1]?.id ?? null}`;
    expect(edge).toEqual({ slot: "image", generation_id: gens[0]?.id });
    // The result page can link back to the flow.
    const detail = await client.get(`/api/generations/${gens[1]?.id}`);
    expect(detail.body).toMatchObject({ flow: { flow_id: flowId, run_id: runId, node_id: "b" } });
    expect((await ledgerOf(app, email, runId)).map((l) => [l.reason, l.delta])).toEqual([
      ["flow_reserve", -3],
      ["flow_settle", 1],
      ["charge", -1],
      ["flow_settle", 2],
      ["charge", -2],
    ]);
    const history = await client.get<{ runs: { id: string; nodes: unknown[] }[] }>(
      `/api/flows/${flowId}/runs`,
    );
    expect(history.body.runs[0]).toMatchObject({
      id: runId,
      estimated_credits: 3,
      charged_credits: 3,
      nodes: expect.arrayContaining([
        expect.objectContaining({ node_id: "b", estimated_credits: 2, credits: 2 }),
      ]),
    });
  });

  it("re-runs only the node whose prompt changed, and charges only it", async () => {
    const email = "reuse@example.com";
    const client = await signIn(app.url, email);
    const graph = {
      nodes: [
        node.text("t", "a red bicycle"),
        node.generate("a", "flux-schnell"),
        node.generate("edit", "flux-kontext-pro", { prompt: "make it blue" }),
      ],
      edges: [link("t", "a", "prompt"), link("a", "edit", "image")],
    };
    const flowId = await createFlow(client, graph);
    const first = await waitForRun(client, flowId, await startRun(client, flowId));
    expect(first.status).toBe("completed");
    const firstA = first.nodes.find((n) => n.node_id === "a")?.generation_id;
    const before = await balanceOf(client);

    const changed = structuredClone(graph);
    changed.nodes[2] = node.generate("edit", "flux-kontext-pro", { prompt: "make it green" });
    expect((await client.request("PATCH", `/api/flows/${flowId}`, { json: { graph: changed } })).status).toBe(
      200,
    );
    const estimate = await client.post(`/api/flows/${flowId}/estimate`, {});
    expect(estimate.body).toMatchObject({
      credits: 5,
      nodes: [
        { node_id: "t" },
        { node_id: "a", credits: 0, reused_from: firstA },
        { node_id: "edit", credits: 5 },
      ],
    });
    const runId = await startRun(client, flowId);
    const second = await waitForRun(client, flowId, runId);
    expect(statuses(second)).toEqual({ t: "done", a: "reused", edit: "done" });
    expect(second.nodes.find((n) => n.node_id === "a")).toMatchObject({
      reused_from: firstA,
      credits: 0,
      outputs: [expect.objectContaining({ url: expect.any(String) })],
    });
    expect(second.charged_credits).toBe(5);
    expect(await balanceOf(client)).toBe(before - 5);
    const made = await app.db.sql`select node_id from generations where flow_run_id = ${runId}`;
    expect(made.map((g) => g.node_id)).toEqual(["edit"]);
    await ledgerOf(app, email);
  });

  it("runs only a target and its ancestors", async () => {
    const client = await signIn(app.url, "target@example.com");
    const flowId = await createFlow(client, chain("a quiet harbour"));
    const runId = await startRun(client, flowId, { targets: ["a"] });
    const run = await waitForRun(client, flowId, runId);
    expect(statuses(run)).toEqual({ t: "done", a: "done" });
    expect(run.charged_credits).toBe(1);
    const made = await app.db.sql`select node_id from generations where flow_run_id = ${runId}`;
    expect(made.map((g) => g.node_id)).toEqual(["a"]);
  });

  it("cancels mid-run: the running step is stopped, the rest never starts, unused credits come back once", async () => {
    const email = "cancel@example.com";
    const client = await signIn(app.url, email);
    const flowId = await createFlow(client, chain("a long exposure [slow]"));
    const before = await balanceOf(client);
    const runId = await startRun(client, flowId);
    await waitForRun(client, flowId, runId, (r) =>
      r.nodes.some((n) => n.node_id === "a" && n.status === "running"),
    );
    const canceled = await client.post(`/api/flows/${flowId}/runs/${runId}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ status: "canceled", charged_credits: 0 });
    expect(statuses(canceled.body as never)).toEqual({
      t: "done",
      a: "canceled",
      b: "canceled",
      out: "canceled",
    });
    // Again: nothing more happens.
    const again = await client.post(`/api/flows/${flowId}/runs/${runId}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "canceled" });
    expect(await balanceOf(client)).toBe(before);
    expect((await ledgerOf(app, email, runId)).map((l) => [l.reason, l.delta])).toEqual([
      ["flow_reserve", -3],
      ["flow_settle", 1],
      ["charge", -1],
      ["refund", 1],
      ["flow_release", 2],
    ]);
    const made = await app.db.sql`select node_id, status from generations where flow_run_id = ${runId}`;
    expect(made).toEqual([{ node_id: "a", status: "canceled" }]);
  });

  it("fails what depends on a failed step, finishes the independent branch, and a retry reuses the successes", async () => {
    const email = "failing@example.com";
    const client = await signIn(app.url, email);
    const flowId = await createFlow(client, {
      nodes: [
        node.text("bad", "a cracked vase [fail]"),
        node.generate("a", "flux-schnell"),
        node.generate("up", "real-esrgan"),
        node.text("good", "a whole vase"),
        node.generate("c", "flux-schnell"),
        node.output("out"),
      ],
      edges: [
        link("bad", "a", "prompt"),
        link("a", "up", "image"),
        link("up", "out", "image"),
        link("good", "c", "prompt"),
        link("c", "out", "image"),
      ],
    });
    const before = await balanceOf(client);
    const runId = await startRun(client, flowId);
    const run = await waitForRun(client, flowId, runId);
    expect(run.status).toBe("failed");
    expect(statuses(run)).toEqual({
      bad: "done",
      a: "failed",
      up: "failed",
      good: "done",
      c: "done",
      out: "failed",
    });
    const byId = Object.fromEntries(run.nodes.map((n) => [n.node_id, n]));
    expect(byId.a?.error).toContain("Emulated provider failure");
    expect(byId.up?.error).toBe("Input failed.");
    expect(byId.up?.generation_id).toBeNull();
    expect(run.charged_credits).toBe(1);
    expect(await balanceOf(client)).toBe(before - 1);

    const retried = await client.post<{ id: string }>(`/api/flows/${flowId}/runs/${runId}/retry`);
    expect(retried.status).toBe(202);
    const retry = await waitForRun(client, flowId, retried.body.id);
    expect(statuses(retry)).toMatchObject({ c: "reused", a: "failed", up: "failed" });
    expect(retry.nodes.find((n) => n.node_id === "c")?.reused_from).toBe(byId.c?.generation_id);
    await ledgerOf(app, email);
  });
});

describe("a suspended account", () => {
  it("starts no more steps once suspended mid-run, and gets back what they would have cost", async () => {
    const email = "suspended-flows@example.com";
    const client = await signIn(app.url, email);
    const flowId = await createFlow(client, chain("a closing gate [slow]"));
    const runId = await startRun(client, flowId);
    await waitForRun(client, flowId, runId, (r) =>
      r.nodes.some((n) => n.node_id === "a" && n.status === "running"),
    );
    await app.db.sql`update profiles set status = 'banned' where email = ${email}`;
    let nodes: { node_id: string; status: string; error: string | null }[] = [];
    for (let i = 0; i < 200; i++) {
      const [run] = await app.db.sql`select status from flow_runs where id = ${runId}`;
      if (run?.status !== "running") break;
      await new Promise((r) => setTimeout(r, 150));
    }
    nodes = await app.db
      .sql`select node_id, status, error from flow_run_nodes where run_id = ${runId} order by seq`;
    expect(nodes).toEqual([
      { node_id: "t", status: "done", error: null },
      { node_id: "a", status: "done", error: null },
      { node_id: "b", status: "failed", error: "This account is suspended." },
      { node_id: "out", status: "failed", error: "Input failed." },
    ]);
    expect((await ledgerOf(app, email, runId)).map((l) => [l.reason, l.delta])).toEqual([
      ["flow_reserve", -3],
      ["flow_settle", 1],
      ["charge", -1],
      ["flow_release", 2],
    ]);
  });
});

describe("bad input", () => {
  let alice: Client;
  let bob: Client;
  let aliceFlow: string;

  beforeAll(async () => {
    alice = await signIn(app.url, "alice-flows@example.com");
    bob = await signIn(app.url, "bob-flows@example.com");
    aliceFlow = await createFlow(alice, chain("alice's"));
  });

  async function rowCounts() {
    const [row] = await app.db.sql`
      select (select count(*)::int from flows) as flows, (select count(*)::int from flow_runs) as runs,
             (select count(*)::int from credit_ledger) as ledger, (select count(*)::int from generations) as gens`;
    return row;
  }

  it("answers 404 for another user's flow and run", async () => {
    const runId = await startRun(alice, aliceFlow, { targets: ["a"] });
    await waitForRun(alice, aliceFlow, runId);
    const before = await rowCounts();
    for (const [method, path] of [
      ["GET", `/api/flows/${aliceFlow}`],
      ["PATCH", `/api/flows/${aliceFlow}`],
      ["DELETE", `/api/flows/${aliceFlow}`],
      ["POST", `/api/flows/${aliceFlow}/estimate`],
      ["POST", `/api/flows/${aliceFlow}/runs`],
      ["GET", `/api/flows/${aliceFlow}/runs`],
      ["GET", `/api/flows/${aliceFlow}/runs/${runId}`],
      ["POST", `/api/flows/${aliceFlow}/runs/${runId}/cancel`],
      ["POST", `/api/flows/${aliceFlow}/duplicate`],
    ] as const) {
      const res = await bob.request(method, path, {
        json: method === "GET" || method === "DELETE" ? undefined : {},
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
    }
    expect(await rowCounts()).toEqual(before);
    const bobFlow = await createFlow(bob, chain("bob's"));
    const res = await bob.get(`/api/flows/${bobFlow}/runs/${runId}`);
    expect(res.status).toBe(404);
  });

  it("refuses graphs that could never run, naming the node and field", async () => {
    const before = await rowCounts();
    const cases: [string, unknown, Record<string, unknown>][] = [
      [
        "a loop",
        {
          nodes: [node.generate("x", "flux-kontext-pro"), node.generate("y", "real-esrgan")],
          edges: [link("x", "y", "image"), link("y", "x", "image")],
        },
        { node_id: "x", field: "edges" },
      ],
      [
        "an unknown model",
        { nodes: [node.generate("g", "no-such-model")], edges: [] },
        { node_id: "g", field: "model" },
      ],
      [
        "an unknown node type",
        { nodes: [{ id: "s", type: "script", position: { x: 0, y: 0 }, data: {} }], edges: [] },
        { node_id: "s", field: "type" },
      ],
      [
        "too many nodes",
        { nodes: Array.from({ length: 201 }, (_, i) => node.text(`t${i}`, "x")), edges: [] },
        { field: "nodes" },
      ],
      [
        "a text fed into an image input",
        { nodes: [node.text("t", "x"), node.generate("u", "real-esrgan")], edges: [link("t", "u", "image")] },
        { node_id: "u", field: "inputs.image" },
      ],
    ];
    for (const [label, graph, error] of cases) {
      const created = await alice.post("/api/flows", { name: label, graph });
      expect(created.status, label).toBe(400);
      expect(created.body, label).toMatchObject({ error: { code: "bad_request", ...error } });
      const saved = await alice.request("PATCH", `/api/flows/${aliceFlow}`, { json: { graph } });
      expect(saved.status, label).toBe(400);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses to run a graph with a missing input, naming it, and charges nothing", async () => {
    const flowId = await createFlow(alice, {
      nodes: [node.text("t", "x"), node.generate("u", "real-esrgan"), node.generate("g", "flux-schnell")],
      edges: [link("t", "g", "prompt")],
    });
    const before = await rowCounts();
    const res = await alice.post(`/api/flows/${flowId}/runs`, {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", node_id: "u", field: "inputs.image" } });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a run the balance cannot cover with 402, the estimate and the balance", async () => {
    const poor = await signIn(app.url, "poor-flows@example.com");
    await app.db.sql`
      insert into credit_ledger (user_id, delta, reason, note)
      select id, 2 - credits, 'admin_adjust', 'test' from profiles where email = 'poor-flows@example.com'`;
    const flowId = await createFlow(poor, chain("expensive"));
    const before = await rowCounts();
    const res = await poor.post(`/api/flows/${flowId}/runs`, {});
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ error: { code: "payment_required", estimate: 3, balance: 2 } });
    expect(await rowCounts()).toEqual(before);
    expect(await balanceOf(poor)).toBe(2);
  });
});
