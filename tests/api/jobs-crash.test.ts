// A server killed outright (SIGKILL: no shutdown, no `finally`) at any point between create,
// submit, webhook, media and end loses no work: after a restart on the same database every
// generation ends, each completed one holds its outputs once, each failed one is refunded once.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { runReconciler, startAppWithProviders, stopAppWithProviders } from "../helpers/providers";
import { until } from "../unit/emulator-receiver";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2 }));
});
afterAll(() => stopAppWithProviders(app, emulator));

type Created = { id: string; client: Client; fails: boolean };

async function createMany(users: Client[], tag: string): Promise<Created[]> {
  const prompts = [
    "a slow tide [slow]",
    "a quick sketch",
    "a broken kiln [fail]",
    "a slow broken bell [slow] [fail]",
  ];
  return (
    await Promise.all(
      users.map((client, u) =>
        Promise.all(
          prompts.map(async (prompt, i) => {
            const res = await client.post<{ id: string }>("/api/generations/create", {
              model: "flux-schnell",
              input: { prompt: `${prompt} (${tag} ${u}.${i})`, num_outputs: 2 },
            });
            expect(res.status).toBe(202);
            return { id: res.body.id, client, fails: prompt.includes("[fail]") };
          }),
        ),
      ),
    )
  ).flat();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("work in flight survives two SIGKILLs and restarts", async () => {
  const users = await Promise.all(["k1", "k2", "k3"].map((n) => signIn(app.url, `${n}@example.com`)));
  // Killed right after the creates: submit jobs committed, few or none run.
  const all = await createMany(users, "crash");
  await app.kill();
  await app.restart();
  // Killed while providers run the slow jobs and the quick ones' webhooks and media are in flight.
  await sleep(1_500);
  await app.kill();
  await sleep(2_000); // long enough for the provider's webhook retries to give up
  await app.restart();

  // The operator's reconcile loop (dev, PM2, Vercel Cron) keeps running; so does it here.
  const deadline = Date.now() + 200_000;
  let rows: { id: string; status: string; outputs: unknown[] }[] = [];
  for (;;) {
    rows = await app.db
      .sql`select id, status, outputs from generations where id = any(${all.map((g) => g.id)}::uuid[])`;
    if (rows.every((r) => r.status !== "queued" && r.status !== "processing") || Date.now() > deadline) break;
    await runReconciler(app.url).catch(() => null);
    await sleep(2_000);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const g of all) {
    const row = byId.get(g.id);
    expect(row?.status, `${g.id} (${g.fails ? "fails" : "succeeds"})`).toBe(g.fails ? "failed" : "completed");
    expect(row?.outputs.length).toBe(g.fails ? 0 : 2);
  }
  const ledger = await app.db.sql<{ generation_id: string; reason: string; n: number }[]>`
    select generation_id, reason, count(*)::int as n from credit_ledger
    where generation_id = any(${all.map((g) => g.id)}::uuid[]) group by 1, 2`;
  for (const g of all) {
    const entries = ledger.filter((l) => l.generation_id === g.id).map((l) => [l.reason, l.n]);
    expect(entries.sort()).toEqual(
      g.fails
        ? [
            ["charge", 1],
            ["refund", 1],
          ]
        : [["charge", 1]],
    );
  }
  // Every failure told its owner once (a success that took over a minute, as some did here
  // with the restarts, may tell too).
  const failures = all.filter((g) => g.fails).length;
  await until(
    () => app.db.sql<{ n: number }[]>`
      select count(*)::int as n from notifications
      where kind = 'generation_failed' and generation_id = any(${all.map((g) => g.id)}::uuid[])`,
    (r) => r[0]?.n === failures,
    30_000,
  );
  // The queue empties: every job ran to its end, none is stuck on the dead processes' locks.
  await until(
    () => app.db.sql<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs`,
    (r) => r[0]?.n === 0,
    30_000,
  );
}, 300_000);
