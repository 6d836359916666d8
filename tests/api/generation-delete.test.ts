// Deleting a generation: a running one is canceled first (refunded once, its job canceled at
// the provider), then the row and every stored file go. A delete racing the job's completion
// loses no money and leaves no files behind.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { STARTING_CREDITS: "100" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

async function newUser(name: string) {
  const email = `${name}@example.com`;
  const client = await signIn(app.url, email);
  const me = await client.get<{ id: string; credits: number }>("/api/me");
  return { client, email, id: me.body.id };
}

const balanceOf = async (client: Client) => (await client.get<{ credits: number }>("/api/me")).body.credits;

async function create(client: Client, prompt: string, numOutputs = 1): Promise<string> {
  const res = await client.post<{ id: string }>("/api/generations/create", {
    model: "flux-schnell",
    input: { prompt, num_outputs: numOutputs },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.id;
}

/** The job the emulator holds for a prompt (its Replicate prediction), if any. */
async function providerJob(prompt: string): Promise<{ id: string; status: string } | undefined> {
  const res = await fetch(`${emulator.url}/v1/predictions`, { headers: { authorization: "Bearer r8_test" } });
  const { results } = (await res.json()) as {
    results: { id: string; status: string; input: { prompt?: string } }[];
  };
  return results.find((p) => p.input.prompt === prompt);
}

/** Every file stored for the user's generations (originals and thumbnails). */
async function storedFiles(userId: string): Promise<string[]> {
  const root = path.join(app.dataDir, "storage", "users", userId, "generations");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function ledgerOf(userId: string) {
  const [row] = await app.db.sql<{ credits: number; ledger: number }[]>`
    select p.credits, coalesce((select sum(delta) from credit_ledger l where l.user_id = p.id), 0)::int as ledger
    from profiles p where p.id = ${userId}`;
  const refunds = await app.db.sql<{ delta: number }[]>`
    select delta from credit_ledger where user_id = ${userId} and reason = 'refund' order by id`;
  return { credits: row?.credits, ledger: row?.ledger, refunds: refunds.map((r) => r.delta) };
}

const rowsOf = async (userId: string) =>
  (await app.db.sql`select id from generations where user_id = ${userId}`).length;

describe("deleting a generation", () => {
  it("cancels a running one at the provider, refunds it once, and removes the row", async () => {
    const { client, id: userId } = await newUser("runner");
    const before = await balanceOf(client);
    const prompt = "a long walk [slow]";
    const id = await create(client, prompt, 2);
    const submitted = await until(
      async () =>
        (await app.db.sql`select provider_job_id from generations where id = ${id}`)[0]?.provider_job_id,
      Boolean,
    );
    expect(submitted).toBeTruthy();
    expect(await balanceOf(client)).toBe(before - 2);
    expect((await providerJob(prompt))?.status).not.toBe("canceled");

    expect((await client.request("DELETE", `/api/generations/${id}`)).status).toBe(204);
    expect((await client.get(`/api/generations/${id}`)).status).toBe(404);
    expect(await providerJob(prompt)).toMatchObject({ id: submitted, status: "canceled" });
    expect(await balanceOf(client)).toBe(before);
    expect(await ledgerOf(userId)).toEqual({ credits: before, ledger: before, refunds: [2] });

    // Whatever the provider sends about the canceled job changes nothing afterwards.
    await sleep(1_500);
    expect(await rowsOf(userId)).toBe(0);
    expect(await storedFiles(userId)).toEqual([]);
    expect(await ledgerOf(userId)).toEqual({ credits: before, ledger: before, refunds: [2] });
    expect((await client.get<{ items: unknown[] }>("/api/notifications")).body.items ?? []).toEqual([]);
  });

  it("cancels the provider job even when the delete comes before the job was submitted", async () => {
    const { client, id: userId } = await newUser("hasty");
    const before = await balanceOf(client);
    const prompt = "changed my mind at once [slow]";
    const id = await create(client, prompt);
    expect((await client.request("DELETE", `/api/generations/${id}`)).status).toBe(204);
    const job = await until(
      () => providerJob(prompt),
      (j) => j?.status === "canceled",
    );
    expect(job?.status).toBe("canceled");
    expect(await balanceOf(client)).toBe(before);
    expect(await ledgerOf(userId)).toEqual({ credits: before, ledger: before, refunds: [1] });
    expect(await rowsOf(userId)).toBe(0);
  });

  it("removes a finished generation's files and refunds nothing", async () => {
    const { client, id: userId } = await newUser("finisher");
    const before = await balanceOf(client);
    const id = await create(client, "two finished pictures", 2);
    expect((await waitForGeneration(client, id)).status).toBe("completed");
    expect(await storedFiles(userId)).toHaveLength(4); // two originals, two thumbnails
    expect((await client.request("DELETE", `/api/generations/${id}`)).status).toBe(204);
    expect(await storedFiles(userId)).toEqual([]);
    expect(await ledgerOf(userId)).toEqual({ credits: before - 2, ledger: before - 2, refunds: [] });
    expect((await client.request("DELETE", `/api/generations/${id}`)).status).toBe(404);
  });

  it("racing the job's completion, loses no money and leaves no files", async () => {
    const { client, id: userId } = await newUser("racer");
    const before = await balanceOf(client);
    // How long a job takes here from create to completed, webhook and media processing included.
    const started = Date.now();
    const timed = await create(client, "race timing", 2);
    expect((await waitForGeneration(client, timed)).status).toBe("completed");
    const duration = Date.now() - started;
    expect((await client.request("DELETE", `/api/generations/${timed}`)).status).toBe(204);
    const prompts: string[] = [];
    // Deletes land before, during and after the job's completion and its media processing.
    for (let i = 0; i < 10; i++) {
      const delay = Math.round((i / 9) * 1.3 * duration);
      const prompt = `race ${i}`;
      prompts.push(prompt);
      const id = await create(client, prompt, 2);
      await sleep(delay);
      expect((await client.request("DELETE", `/api/generations/${id}`)).status).toBe(204);
    }
    await sleep(2_000); // let every webhook and its processing finish
    expect(await rowsOf(userId)).toBe(0);
    expect(await storedFiles(userId)).toEqual([]);
    const { credits, ledger, refunds } = await ledgerOf(userId);
    expect(credits).toBe(ledger);
    expect(refunds.every((delta) => delta === 2)).toBe(true);
    expect(credits).toBe(before - 2 * (prompts.length + 1) + 2 * refunds.length);
    // A job we canceled at the provider was active when deleted, so it was refunded.
    const jobs = await Promise.all(prompts.map(providerJob));
    const canceled = jobs.filter((j) => j?.status === "canceled").length;
    expect(refunds.length).toBeGreaterThanOrEqual(canceled);
  });
});
