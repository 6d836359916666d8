// Finishing one job from several paths at once: two reconciler passes and the provider's
// webhook all learn at the same moment that a job succeeded. Exactly one of them may store the
// outputs; every completed generation keeps every file, is charged once, and storage holds
// nothing but the files the rows point at.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import { standardWebhookHeaders } from "../../scripts/emulator/webhooks";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  type GenerationBody,
  runReconciler,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";
import { until } from "../unit/emulator-receiver";

const ROUNDS = 5;
const JOBS_PER_ROUND = 4; // under the five active generations one user may have
const OUTPUTS = 4;

let app: TestApp;
let emulator: Emulator;
let alice: Client;
/** Downloads of output files from the provider's media host, by anyone. */
let mediaDownloads = 0;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({
    speedFactor: 0.1,
    log: (line) => {
      if (line.startsWith("GET /media/")) mediaDownloads++;
    },
  }));
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

type Prediction = { id: string; status: string; output: string[] | null };

async function prediction(jobId: string): Promise<Prediction> {
  const res = await fetch(`${emulator.url}/v1/predictions/${jobId}`, {
    headers: { authorization: "Bearer r8_emulator" },
  });
  return (await res.json()) as Prediction;
}

/** Creates a silent job (no webhook comes) and waits until the provider has finished it. */
async function finishedSilentJob(prompt: string) {
  const res = await alice.post<{ id: string }>("/api/generations/create", {
    model: "flux-schnell",
    input: { prompt: `${prompt} [nohook]`, num_outputs: OUTPUTS },
  });
  expect(res.status).toBe(202);
  const [row] = await until(
    () => app.db.sql`select provider_job_id from generations where id = ${res.body.id}`,
    (rows) => Boolean(rows[0]?.provider_job_id),
    15_000,
  );
  const done = await until(
    () => prediction(String(row?.provider_job_id)),
    (p) => p.status === "succeeded",
    15_000,
  );
  return { id: res.body.id, prediction: done };
}

/** The completed webhook the provider would have sent, signed the way it signs them. */
async function deliverWebhook(generationId: string, p: Prediction, round: number) {
  const body = JSON.stringify(p);
  const res = await fetch(`${app.url}/api/webhook/replicate?generation=${generationId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...standardWebhookHeaders(emulator.replicateWebhookSecret, `msg_race_${round}_${p.id}`, body),
    },
    body,
  });
  expect(res.status).toBe(200);
}

/** Every file under the storage root, hidden ones included, relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const root = path.join(app.dataDir, "storage");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

async function expectKeepsEveryOutput(done: GenerationBody, p: Prediction) {
  const { id } = done;
  expect(done.status, done.error ?? "").toBe("completed");
  expect(done.outputs).toHaveLength(OUTPUTS);
  for (const [index, output] of done.outputs.entries()) {
    const source = Buffer.from(await (await fetch(p.output?.[index] ?? "")).arrayBuffer());
    const original = await fetch(output.url);
    expect(original.status, `output ${index} of ${id}`).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(source)).toBe(true);
    const thumb = await fetch(output.thumbnail_url ?? "");
    expect(thumb.status, `thumbnail ${index} of ${id}`).toBe(200);
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(512);
  }
  const ledger = await app.db.sql`
    select reason, count(*)::int as n from credit_ledger where generation_id = ${id} group by reason`;
  expect(ledger.map((r) => ({ reason: r.reason, n: r.n }))).toEqual([{ reason: "charge", n: 1 }]);
}

it("two reconcilers and a webhook finishing the same jobs store each one's outputs exactly once", async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const jobs = await Promise.all(
      Array.from({ length: JOBS_PER_ROUND }, (_, i) =>
        finishedSilentJob(`a harbour, round ${round} job ${i}`),
      ),
    );
    const ids = jobs.map((j) => j.id);
    const downloadsBefore = mediaDownloads;
    // Quiet for longer than the reconciler waits before it asks the provider.
    await app.db.sql`
        update generations set submitted_at = now() - interval '5 minutes', updated_at = now() - interval '5 minutes'
        where id = any(${ids}::uuid[])`;
    await Promise.all([
      runReconciler(app.url),
      runReconciler(app.url),
      ...jobs.map((j) => deliverWebhook(j.id, j.prediction, round)),
    ]);
    const finished = await Promise.all(ids.map((id) => waitForGeneration(alice, id)));
    // Exactly one path fetched each output: the others saw the claim and downloaded nothing.
    expect(mediaDownloads - downloadsBefore, `round ${round} downloads`).toBe(JOBS_PER_ROUND * OUTPUTS);
    for (const [i, job] of jobs.entries())
      await expectKeepsEveryOutput(finished[i] as GenerationBody, job.prediction);
    // The webhook events are handled after their response: none may be left behind.
    await until(
      () => app.db.sql`select count(*)::int as n from webhook_events where processed_at is null`,
      (rows) => rows[0]?.n === 0,
      15_000,
    );
    const rows = await app.db.sql<{ outputs: { path: string; thumb_path: string | null }[] }[]>`
        select outputs from generations where status = 'completed'`;
    const referenced = rows.flatMap((r) =>
      r.outputs.flatMap((o) => (o.thumb_path ? [o.path, o.thumb_path] : [o.path])),
    );
    const onDisk = await filesOnDisk();
    expect(onDisk.filter((f) => path.basename(f).startsWith(".tmp-"))).toEqual([]);
    expect(onDisk, `round ${round}: no orphans, nothing missing`).toEqual(referenced.sort());
  }
}, 240_000);

it("leaves a generation being stored to its claimer, and takes over once the claim's lease ran out", async () => {
  const job = await finishedSilentJob("a lighthouse, claimed by a process that then died");
  // Another process claimed the outputs a moment ago; the job itself is past its model's deadline.
  await app.db.sql`
    update generations set status = 'processing', outputs_claim = 'deadbeef0000', outputs_claimed_at = now(),
      created_at = now() - interval '40 minutes', submitted_at = now() - interval '40 minutes',
      updated_at = now() - interval '40 minutes'
    where id = ${job.id}`;
  const before = mediaDownloads;
  await runReconciler(app.url);
  await deliverWebhook(job.id, job.prediction, -1);
  await until(
    () => app.db.sql`select processed_at from webhook_events where generation_id = ${job.id}`,
    (rows) => Boolean(rows[0]?.processed_at),
  );
  expect(mediaDownloads, "nothing downloaded beside a live claim").toBe(before);
  expect((await waitForGeneration(alice, job.id, 0)).status).toBe("processing");

  // The claimer never came back: its lease runs out and the next pass stores the outputs.
  await app.db
    .sql`update generations set outputs_claimed_at = now() - interval '31 minutes' where id = ${job.id}`;
  await runReconciler(app.url);
  await expectKeepsEveryOutput(await waitForGeneration(alice, job.id), job.prediction);
});
