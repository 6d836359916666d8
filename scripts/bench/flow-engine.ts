// npm run bench:flow — the flow engine's own overhead on the emulator: a chain of 20 Generate
// nodes (FLUX schnell, then 19 Kontext edits, each of the one before) and a fan-out of 20 (one
// prompt into 20 FLUX schnell nodes, 5 at a time: the per-user active limit). Reports, from the
// database's clock, the time from one node's generation completing to the next node's
// generation being submitted to the provider: for the chain, parent → child; for the fan-out,
// the end that freed a slot → the next node in it. Provider time is not in these figures.
import { createHash, randomBytes } from "node:crypto";
import { providerUrlsOf, startEmulator } from "../emulator/server";
import { percentile, startBenchApp } from "./harness";

const NODES = Number(process.env.BENCH_FLOW_NODES || 20);
const RUNS = Number(process.env.BENCH_FLOW_RUNS || 3);
const SPEED = Number(process.env.BENCH_EMULATOR_SPEED || 0.2);

type Graph = { nodes: unknown[]; edges: unknown[] };
const at = (i: number) => ({ x: i * 300, y: 0 });

function chain(seed: number): Graph {
  const nodes: unknown[] = [
    { id: "t", type: "text", position: at(0), data: { text: `bench chain ${seed}` } },
  ];
  const edges: unknown[] = [];
  for (let i = 0; i < NODES; i++) {
    // Each edit asks something else (the emulator draws from the prompt and seed), so no result
    // of an earlier run or node has the same key and every node really runs.
    const data =
      i === 0
        ? { model: "flux-schnell", params: {} }
        : { model: "flux-kontext-pro", params: { prompt: `step ${i}`, seed: seed * 100 + i } };
    nodes.push({ id: `g${i}`, type: "generate", position: at(i + 1), data });
    const source = i === 0 ? "t" : `g${i - 1}`;
    edges.push({ id: `e${i}`, source, target: `g${i}`, targetHandle: i === 0 ? "prompt" : "image" });
  }
  return { nodes, edges };
}

function fanOut(seed: number): Graph {
  const nodes: unknown[] = [
    { id: "t", type: "text", position: at(0), data: { text: `bench fan-out ${seed}` } },
  ];
  const edges: unknown[] = [];
  for (let i = 0; i < NODES; i++) {
    nodes.push({
      id: `g${i}`,
      type: "generate",
      position: at(1),
      data: { model: "flux-schnell", params: { seed: i } },
    });
    edges.push({ id: `e${i}`, source: "t", target: `g${i}`, targetHandle: "prompt" });
  }
  return { nodes, edges };
}

const emulator = await startEmulator({ port: 0, speedFactor: SPEED });
const app = await startBenchApp({
  ...providerUrlsOf(emulator),
  STARTING_CREDITS: "100000",
});

/** A signed-in user of their own (limits are per user and per hour). */
async function user(n: number): Promise<(path: string, body?: unknown) => Promise<unknown>> {
  const [row] = await app.sql<{ id: string }[]>`
    insert into profiles (email) values (${`flow-bench-${n}-${Date.now()}@example.com`}) returning id`;
  await app.sql`insert into credit_ledger (user_id, delta, reason) values (${row?.id ?? null}, 100000, 'grant')`;
  const token = randomBytes(32).toString("base64url");
  await app.sql`
    insert into sessions (user_id, token_hash, expires_at)
    values (${row?.id ?? null}, ${createHash("sha256").update(token).digest("hex")}, now() + interval '1 day')`;
  return async (path, body) => {
    const res = await fetch(`${app.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie: `atelier_session=${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

type Gap = { started: number; submitted: number };

async function runOnce(kind: "chain" | "fan-out", n: number): Promise<{ gaps: Gap[]; seconds: number }> {
  const call = await user(n);
  const graph = kind === "chain" ? chain(n) : fanOut(n);
  const { id: flowId } = (await call("/api/flows", { name: `${kind} ${n}`, graph })) as { id: string };
  const started = performance.now();
  const { id: runId } = (await call(`/api/flows/${flowId}/runs`, {})) as { id: string };
  for (;;) {
    const run = (await call(`/api/flows/${flowId}/runs/${runId}`)) as { status: string };
    if (run.status !== "running") {
      if (run.status !== "completed") throw new Error(`${kind} run ended ${run.status}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = await app.sql<{ node_id: string; created_at: Date; submitted_at: Date; completed_at: Date }[]>`
    select node_id, created_at, submitted_at, completed_at from generations where flow_run_id = ${runId}
    order by created_at`;
  const byNode = new Map(rows.map((r) => [r.node_id, r]));
  const gaps: Gap[] = [];
  const gap = (end: number, child: (typeof rows)[number]) => ({
    started: child.created_at.getTime() - end,
    submitted: child.submitted_at.getTime() - end,
  });
  if (kind === "chain") {
    for (let i = 1; i < NODES; i++) {
      const parent = byNode.get(`g${i - 1}`);
      const child = byNode.get(`g${i}`);
      if (parent && child) gaps.push(gap(parent.completed_at.getTime(), child));
    }
  } else {
    // Nodes past the first slots each started when an earlier one ended: the latest end before it.
    for (const child of rows.slice(5)) {
      const freed = rows
        .map((r) => r.completed_at.getTime())
        .filter((t) => t <= child.created_at.getTime())
        .sort((a, b) => b - a)[0];
      if (freed !== undefined) gaps.push(gap(freed, child));
    }
  }
  return { gaps, seconds };
}

try {
  // Untimed: compiles the routes and warms the caches.
  await runOnce("chain", 0).catch((error) => console.warn("warm-up:", error));
  for (const kind of ["chain", "fan-out"] as const) {
    const all: Gap[] = [];
    const walls: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const { gaps, seconds } = await runOnce(kind, i);
      all.push(...gaps);
      walls.push(seconds);
    }
    const stats = (pick: (g: Gap) => number) => {
      const sorted = all.map(pick).sort((a, b) => a - b);
      return `p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1)} ms`;
    };
    console.log(
      `${kind} of ${NODES} (${RUNS} runs, ${all.length} hand-offs, run wall time ${(walls.reduce((a, b) => a + b, 0) / walls.length).toFixed(1)} s):`,
    );
    console.log(`  completion → next node's generation queued:       ${stats((g) => g.started)}`);
    console.log(`  completion → next node submitted to the provider: ${stats((g) => g.submitted)}`);
  }
} finally {
  await app.stop();
  await emulator.close();
}
