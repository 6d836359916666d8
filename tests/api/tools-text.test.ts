// Text tools on the emulator: describe an image, brainstorm ideas, enhance a prompt. Each is a
// generation of kind `text` whose outputs carry the text, in history and lineage like any other,
// run under the task's system prompt, which an admin can change with no restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";
import { solidPng, uploadImage } from "../helpers/tool-images";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let admin: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "admin@example.com" } }));
  alice = await signIn(app.url, "alice@example.com");
  admin = await signIn(app.url, "admin@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

type TextOutput = { mime: string; text: string; label: string; url: string };
type Done = { id: string; status: string; kind: string; error: string | null; outputs: TextOutput[] };

async function run(input: Record<string, unknown>): Promise<Done> {
  const res = await alice.post<{ id: string }>("/api/generations/create", { model: "gemini-text", input });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = (await waitForGeneration(alice, res.body.id)) as unknown as Done;
  expect(done.status, done.error ?? "").toBe("completed");
  return done;
}

describe("text generations", () => {
  it("describe: a description naming the dominant colour, and a ready prompt", async () => {
    const red = await uploadImage(alice, await solidPng(64, 48, "#d62828"));
    const done = await run({
      task: "describe",
      prompt: "Cover the subject and the light.",
      image: red.asset_id,
    });
    expect(done.kind).toBe("text");
    expect(done.outputs.map((o) => o.label)).toEqual(["description", "prompt"]);
    expect(done.outputs[0]?.text).toMatch(/\bred\b/);
    expect(done.outputs[1]?.text.length).toBeGreaterThan(10);
    expect(done.outputs[0]).toMatchObject({
      mime: "text/plain",
      url: expect.stringMatching(/^data:text\/plain/),
    });
    const list = await alice.get<{ items: { id: string; kind: string }[] }>(
      "/api/generations/list?kind=text",
    );
    expect(list.body.items.map((i) => i.id)).toContain(done.id);
  });

  it("describe an output: the text generation is its descendant in lineage", async () => {
    const res = await alice.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a green field" },
    });
    const still = await waitForGeneration(alice, res.body.id);
    const done = await run({
      task: "describe",
      prompt: "Cover the subject and the light.",
      image: still.outputs[0]?.url,
    });
    const lineage = await alice.get<{ descendants: { id: string }[] }>(
      `/api/generations/${still.id}/lineage`,
    );
    expect(lineage.body.descendants.map((d) => d.id)).toContain(done.id);
  });

  it("brainstorm: as many ideas as asked, each its own output", async () => {
    const done = await run({ task: "brainstorm", prompt: "lighthouses", count: 3 });
    expect(done.outputs).toHaveLength(3);
    for (const idea of done.outputs)
      expect(idea).toMatchObject({ label: "idea", text: expect.stringContaining("lighthouses") });
  });

  it("enhance: one improved prompt, charged one credit", async () => {
    const before = (await alice.get<{ credits: number }>("/api/me")).body.credits;
    const done = await run({ task: "enhance", prompt: "a cat on a roof" });
    expect(done.outputs).toEqual([
      expect.objectContaining({ label: "prompt", text: expect.stringContaining("a cat on a roof") }),
    ]);
    expect((await alice.get<{ credits: number }>("/api/me")).body.credits).toBe(before - 1);
  });

  it("runs under the task's system prompt, and an admin's edit applies to the next request", async () => {
    const systemOf = () => {
      const last = emulator.geminiRequests.at(-1)?.body as {
        systemInstruction?: { parts: { text: string }[] };
      };
      return last?.systemInstruction?.parts[0]?.text;
    };
    await run({ task: "enhance", prompt: "a boat" });
    expect(systemOf()).toMatch(/You improve text-to-image prompts/);
    const saved = await admin.request("PUT", "/api/admin/settings/system_prompts", {
      json: { value: { enhance: "Rewrite the prompt as a haiku." } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Settings are cached for a few seconds per process; no restart is needed.
    const deadline = Date.now() + 15_000;
    do {
      await run({ task: "enhance", prompt: "a boat" });
      if (systemOf() === "Rewrite the prompt as a haiku.") break;
      await new Promise((r) => setTimeout(r, 1000));
    } while (Date.now() < deadline);
    expect(systemOf()).toBe("Rewrite the prompt as a haiku.");
  });

  it("refunds a failed text generation, and refuses describe without an image", async () => {
    const res = await alice.post<{ id: string }>("/api/generations/create", {
      model: "gemini-text",
      input: { task: "enhance", prompt: "[fail] a dog" },
    });
    const done = await waitForGeneration(alice, res.body.id);
    expect(done.status).toBe("failed");
    const ledger = await app.db
      .sql`select delta, reason from credit_ledger where generation_id = ${res.body.id} order by created_at`;
    expect(ledger).toEqual([
      { delta: -1, reason: "charge" },
      { delta: 1, reason: "refund" },
    ]);
    const bad = await alice.post("/api/generations/create", {
      model: "gemini-text",
      input: { task: "describe", prompt: "Cover the subject and the light." },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { field: "image", message: "image: is required to describe an image" },
    });
  });
});
