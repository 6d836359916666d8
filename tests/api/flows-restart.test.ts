// A flow run lives in Postgres and moves on through durable jobs: a server killed outright while
// a step runs at the provider picks the run up again after a restart, and the run finishes
// with every step charged once.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { balanceOf, ledgerOf, runChainUntilFirstStepRuns, statuses, waitForRun } from "../helpers/flows";
import { signIn } from "../helpers/http";
import { runReconciler, startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  // `[slow]` jobs take 20 s × 0.4: long enough to kill and restart the server while one runs.
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.4, env: { STARTING_CREDITS: "100" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

it("finishes a run after the server is killed mid-run and restarted", { timeout: 180_000 }, async () => {
  const email = "restart@example.com";
  const client = await signIn(app.url, email);
  const { flowId, runId } = await runChainUntilFirstStepRuns(client, "a tide pool at dusk [slow]");
  const [submitted] = await app.db.sql`
    select provider_job_id from generations where flow_run_id = ${runId} and node_id = 'a'`;
  expect(submitted).toBeDefined();

  await app.kill();
  await app.restart();

  // The reconciler loop runs beside every deployment; here too, in case a webhook found the server down.
  const deadline = Date.now() + 150_000;
  let run = await waitForRun(client, flowId, runId, () => true);
  while (run.status === "running" && Date.now() < deadline) {
    await runReconciler(app.url).catch(() => null);
    await new Promise((r) => setTimeout(r, 1_000));
    run = await waitForRun(client, flowId, runId, () => true);
  }
  expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
  expect(statuses(run)).toEqual({ t: "done", a: "done", b: "done", out: "done" });
  expect(await balanceOf(client)).toBe(97);
  const ledger = await ledgerOf(app, email, runId);
  expect(ledger.filter((l) => l.reason === "charge").map((l) => l.delta)).toEqual([-1, -2]);
  expect(ledger.filter((l) => l.reason === "flow_reserve")).toHaveLength(1);
});
