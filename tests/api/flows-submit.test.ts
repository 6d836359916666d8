// How a flow hands a started step to its provider: from the engine's own step, the moment it
// commits, with no second trip through the job queue; and, should the server die while that
// hand-off is under way, by the step's durable submit job after the restart, once.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import {
  createFlow,
  ledgerOf,
  link,
  node,
  runChainUntilFirstStepRuns,
  startRun,
  statuses,
  waitForRun,
} from "../helpers/flows";
import { signIn } from "../helpers/http";
import { runReconciler, startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  // `[stall]` holds a submit for 20 s × 0.4: long enough to kill the server while it waits.
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.4, env: { STARTING_CREDITS: "100" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

/** The job each generation's "generation submitted" line was logged by. */
function submittedBy(logs: string, ids: readonly string[]): Record<string, string | undefined> {
  const lines = logs.split("\n").filter((line) => line.includes('"generation submitted"'));
  const jobOf = (id: string) => {
    const line = lines.find((l) => l.includes(`"generationId":"${id}"`));
    return line ? (JSON.parse(line) as { job?: string }).job : undefined;
  };
  return Object.fromEntries(ids.map((id) => [id, jobOf(id)]));
}

it("submits each step from the engine step that started it, with no submit job left behind", async () => {
  const client = await signIn(app.url, "handoff@example.com");
  // Six steps, five at a time: the sixth starts when one of the first five ends.
  const steps = [0, 1, 2, 3, 4, 5].map((i) => node.generate(`g${i}`, "flux-schnell", { seed: i }));
  const flowId = await createFlow(client, {
    nodes: [node.text("t", "a paper boat on a pond"), ...steps],
    edges: steps.map((s) => link("t", s.id, "prompt")),
  });
  const runId = await startRun(client, flowId);
  const run = await waitForRun(client, flowId, runId);
  expect(run.status, JSON.stringify(run.nodes)).toBe("completed");

  const gens = await app.db.sql<{ id: string }[]>`select id from generations where flow_run_id = ${runId}`;
  expect(gens).toHaveLength(6);
  const ids = gens.map((g) => g.id);
  const jobs = submittedBy(app.logs(), ids);
  // The run's first step submits the first five; the end of one of them, the sixth.
  expect(Object.values(jobs).sort()).toEqual([
    "flow.advance",
    "flow.advance",
    "flow.advance",
    "flow.advance",
    "flow.advance",
    "generation.ended",
  ]);
  const left = await app.db.sql`
    select key from graphile_worker.jobs where key = any(${ids.map((id) => `generation.submit:${id}`)})`;
  expect(left).toEqual([]);
});

it("a step being submitted when the server died is submitted after the restart", {
  timeout: 180_000,
}, async () => {
  const email = "stalled@example.com";
  const client = await signIn(app.url, email);
  const { flowId, runId } = await runChainUntilFirstStepRuns(client, "a heron at the water's edge [stall]");
  // The provider has the submit and has not answered it yet.
  await new Promise((r) => setTimeout(r, 1_000));
  const [before] = await app.db.sql<{ provider_job_id: string | null }[]>`
    select provider_job_id from generations where flow_run_id = ${runId} and node_id = 'a'`;
  expect(before?.provider_job_id).toBeNull();

  await app.kill();
  await app.restart();

  const deadline = Date.now() + 150_000;
  let run = await waitForRun(client, flowId, runId, () => true);
  while (run.status === "running" && Date.now() < deadline) {
    await runReconciler(app.url).catch(() => null);
    await new Promise((r) => setTimeout(r, 1_000));
    run = await waitForRun(client, flowId, runId, () => true);
  }
  expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
  expect(statuses(run)).toEqual({ t: "done", a: "done", b: "done", out: "done" });
  const ledger = await ledgerOf(app, email, runId);
  expect(ledger.filter((l) => l.reason === "charge").map((l) => l.delta)).toEqual([-1, -2]);
});
