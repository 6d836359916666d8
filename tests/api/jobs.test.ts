// Durable jobs in a running app: a job that throws is retried with backoff and ends dead, with
// its error shown to admins, who can run it again; it never holds up other jobs. Several app
// processes on one database share the queue without running a job twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  runReconciler,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";
import { until } from "../unit/emulator-receiver";

let app: TestApp;
let emulator: Emulator;
let admin: Client;
let alice: Client;
/** Prediction submits the provider received, by prompt. */
const submits: string[] = [];

type Job = {
  id: string;
  name: string;
  state: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: string;
};
type Report = { items: Job[]; counts: Record<string, number>; pools: { id: string }[] };

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({
    env: { ADMIN_EMAILS: "admin@example.com" },
    log: (line) => {
      if (/^POST \/v1\/models\/.+\/predictions/.test(line)) submits.push(line);
    },
  }));
  admin = await signIn(app.url, "admin@example.com");
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

const create = async (client: Client, prompt: string) => {
  const res = await client.post<{ id: string }>("/api/generations/create", {
    model: "flux-schnell",
    input: { prompt },
  });
  if (res.status !== 202) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};

const jobById = async (id: string) =>
  (await admin.get<Report>("/api/admin/jobs")).body.items.find((job) => job.id === id);

describe("retries and the dead letter", () => {
  it("retries a failing job with backoff, dead-letters it with its error, and never blocks others", async () => {
    // A job whose payload its schema refuses: it throws every time it runs.
    const [{ id } = { id: "" }] = await app.db.sql<{ id: string }[]>`
      select (graphile_worker.add_job('generation.submit', '{"generationId":"not-a-generation"}'::json,
        max_attempts => 2)).id::text as id`;
    const firstFailure = await until(
      () => jobById(id),
      (job) => job?.attempts === 1 && job.state === "retrying",
      15_000,
    );
    expect(firstFailure?.last_error).toMatch(/generationId/);
    // Backoff: the next try is seconds away, not at once.
    expect(new Date(firstFailure?.run_at ?? 0).getTime() - Date.now()).toBeGreaterThan(1_000);

    // Meanwhile other work flows.
    const done = await waitForGeneration(alice, await create(alice, "a quiet harbour"));
    expect(done.status).toBe("completed");

    const dead = await until(
      () => jobById(id),
      (job) => job?.state === "dead",
      20_000,
    );
    expect(dead).toMatchObject({ name: "generation.submit", attempts: 2, max_attempts: 2 });
    expect(dead?.last_error).toMatch(/generationId/);
    const deadOnly = (await admin.get<Report>("/api/admin/jobs?state=dead")).body;
    expect(deadOnly.items.map((job) => job.id)).toEqual([id]);
    expect(deadOnly.counts.dead).toBe(1);
    expect(deadOnly.pools.length).toBeGreaterThanOrEqual(1);

    // An admin runs it again: it starts from zero attempts, fails again and is dead once more.
    expect((await alice.post(`/api/admin/jobs/${id}/retry`)).status).toBe(403);
    const retried = await admin.post<{ attempts: number }>(`/api/admin/jobs/${id}/retry`);
    expect(retried.status).toBe(200);
    await until(
      () => jobById(id),
      (job) => job?.state === "retrying" && job.attempts === 1,
      15_000,
    );
    const [audit] = await app.db.sql`select action, target_id from audit_log where action = 'job.retry'`;
    expect(audit).toMatchObject({ action: "job.retry", target_id: id });
    expect((await admin.post("/api/admin/jobs/999999999/retry")).status).toBe(404);
    expect((await admin.post("/api/admin/jobs/not-a-job/retry")).status).toBe(404);
  }, 60_000);

  it("the Jobs page is for admins", async () => {
    expect((await alice.get("/api/admin/jobs")).status).toBe(403);
    expect((await admin.get("/api/admin/jobs?state=nonsense")).status).toBe(400);
    const page = await admin.get("/admin/jobs");
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain("Jobs");
  });
});

describe("several processes", () => {
  it("two app processes share the queue and never run one job twice", async () => {
    const sibling = await app.startSibling();
    const users = await Promise.all(
      ["p1", "p2", "p3", "p4"].map((name) => signIn(app.url, `${name}@example.com`)),
    );
    const before = submits.length;
    const ids = (
      await Promise.all(
        users.map((user, u) =>
          Promise.all([0, 1, 2, 3].map((i) => create(user, `shared queue, user ${u} job ${i}`))),
        ),
      )
    ).flat();
    const finished = await Promise.all(
      ids.map(async (id, i) => waitForGeneration(users[Math.floor(i / 4)] as Client, id)),
    );
    expect(finished.map((g) => g.status)).toEqual(ids.map(() => "completed"));
    // One submit per generation at the provider: no submit job ran twice.
    expect(submits.length - before).toBe(ids.length);
    // Each generation's outputs stored once, each webhook processed once.
    const rows = await app.db.sql<{ outputs: unknown[] }[]>`
      select outputs from generations where id = any(${ids}::uuid[])`;
    expect(rows.map((r) => r.outputs.length)).toEqual(ids.map(() => 1));
    const submitted = (logs: string) => ids.filter((id) => hasSubmitLine(logs, id));
    const byFirst = submitted(app.logs());
    const bySecond = submitted(sibling.logs());
    expect(byFirst.length + bySecond.length).toBe(ids.length);
    expect(byFirst.filter((id) => bySecond.includes(id))).toEqual([]);
    expect(bySecond.length, "the second process took part").toBeGreaterThan(0);
    expect(byFirst.length, "the first process took part").toBeGreaterThan(0);
  }, 90_000);
});

function hasSubmitLine(logs: string, generationId: string): boolean {
  return logs
    .split("\n")
    .some(
      (line) => line.includes('"generation submitted"') && line.includes(`"generationId":"${generationId}"`),
    );
}

describe("serverless hosts", () => {
  it("with no worker process, requests drain the queue after their response, and so does the cron route", async () => {
    const { app: lone, emulator: loneEmulator } = await startAppWithProviders({
      speedFactor: 0.2,
      env: { JOB_WORKER: "on-request" },
    });
    try {
      const carol = await signIn(lone.url, "carol@example.com");
      // Nothing runs jobs in the background here: the create's and the webhook's own
      // after-response work submits the job and stores its outputs.
      expect((await waitForGeneration(carol, await create(carol, "a lighthouse at night"))).status).toBe(
        "completed",
      );
      // Each drain's pool goes when the queue is empty: none stays alive between requests.
      await until(
        () => lone.db.sql`select id from job_worker_pools`,
        (rows) => rows.length === 0,
        10_000,
      );
      // A job nobody nudged (enqueued by SQL) waits for the cron route, which runs it.
      await lone.db.sql`
        select graphile_worker.add_job('generation.ended',
          json_build_object('generationId', gen_random_uuid(), 'status', 'failed'))`;
      await new Promise((r) => setTimeout(r, 1_000));
      const waiting = await lone.db.sql`select id from graphile_worker.jobs`;
      expect(waiting).toHaveLength(1);
      await runReconciler(lone.url);
      // What is left is the next daily trash purge, which the cron route keeps queued for later.
      const left = await lone.db.sql`
        select task_identifier, run_at > now() as later from graphile_worker.jobs`;
      expect(left).toEqual([{ task_identifier: "trash.purge", later: true }]);
    } finally {
      await stopAppWithProviders(lone, loneEmulator);
    }
  }, 60_000);
});
