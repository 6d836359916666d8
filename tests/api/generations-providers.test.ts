// The core loop per provider, through the real SDKs against the emulator: create → provider
// → signed webhook (or synchronous bytes) → media pipeline → completed row with stored files.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODELS, type ModelDefinition } from "@/lib/models-config";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  runReconciler,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

async function storedFiles(): Promise<string[]> {
  const root = path.join(app.dataDir, "storage");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith(".meta.json"))
    .map((e) => path.join(e.parentPath, e.name));
}

async function create(model: string, input: Record<string, unknown>) {
  const res = await alice.post<{ id: string; status: string }>("/api/generations/create", { model, input });
  expect(res.status).toBe(202);
  expect(res.body.status).toBe("queued");
  return res.body.id;
}

const CASES = [
  {
    provider: "replicate",
    model: "flux-schnell",
    input: { aspect_ratio: "16:9", num_outputs: 2 },
    files: 2,
    byUrl: true,
  },
  { provider: "fal", model: "fal-flux-dev", input: { num_outputs: 1 }, files: 1, byUrl: true },
  { provider: "google", model: "gemini-2-5-flash-image", input: {}, files: 1, byUrl: false },
] as const;

describe.each(CASES)("$provider ($model)", ({ model, input, files }) => {
  it("completes with fetchable originals and 512 px WebP thumbnails", async () => {
    const id = await create(model, { ...input, prompt: `a lighthouse at dusk ${model}` });
    const done = await waitForGeneration(alice, id);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.outputs).toHaveLength(files);
    for (const output of done.outputs) {
      const original = await fetch(output.url);
      expect(original.status).toBe(200);
      const meta = await sharp(Buffer.from(await original.arrayBuffer())).metadata();
      expect(meta.width).toBe(output.width);
      const thumb = await fetch(output.thumbnail_url ?? "");
      expect(thumb.headers.get("content-type")).toBe("image/webp");
      const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
      expect(thumbMeta.format).toBe("webp");
      expect(Math.max(thumbMeta.width ?? 0, thumbMeta.height ?? 0)).toBeLessThanOrEqual(512);
    }
  });

  it("fails with the provider's reason on [fail]", async () => {
    const id = await create(model, { ...input, prompt: "a broken thing [fail]" });
    const done = await waitForGeneration(alice, id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/fail/i);
    expect(done.outputs).toEqual([]);
  });
});

// Gemini answers with inline bytes, so there is no download to cap.
describe.each(CASES.filter((c) => c.byUrl))("$provider downloads", ({ model, input }) => {
  it("fails a file over the size cap and stores nothing for it", async () => {
    const before = (await storedFiles()).length;
    const id = await create(model, { ...input, prompt: "an enormous file [huge]" });
    const done = await waitForGeneration(alice, id, 60_000);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/large|size|limit/i);
    expect((await storedFiles()).length).toBe(before);
  });
});

async function uploadPng(background = "#246"): Promise<string> {
  const png = await sharp({ create: { width: 320, height: 240, channels: 3, background } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "input.png");
  const upload = await alice.request<{ files: { url: string }[] }>("POST", "/api/upload", { body: form });
  expect(upload.status).toBe(201);
  return upload.body.files[0]!.url;
}

/** The smallest input a model takes, its required images our own uploads. */
async function smallestInput(model: ModelDefinition): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const p of model.params.filter((param) => param.required)) {
    // A mask changes where it is white: all white, the image's size.
    if (p.name === "mask") input[p.name] = await uploadPng("#fff");
    else if (p.control === "image") input[p.name] = await uploadPng();
    else if (p.control === "images") input[p.name] = [await uploadPng()];
    else input[p.name] = `every model runs: ${model.id}`;
  }
  return input;
}

// The emulator serves only what the providers serve and checks each model's input schema, so
// this is the catalog against the providers' real model lists and field names.
describe("every catalog model", () => {
  it.each(MODELS.map((m) => [m.id, m] as const))("%s generates end to end", async (_, model) => {
    const id = await create(model.id, await smallestInput(model));
    const done = await waitForGeneration(alice, id, 40_000);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.outputs.length).toBeGreaterThan(0);
  });
});

describe("video", () => {
  it("completes a Veo job with a stored MP4", async () => {
    const id = await create("veo-3-1-fast", { prompt: "waves rolling in" });
    const done = await waitForGeneration(alice, id, 40_000);
    expect(done.status, done.error ?? "").toBe("completed");
    const video = await fetch(done.outputs[0]!.url);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    const head = Buffer.from(await video.arrayBuffer())
      .subarray(4, 8)
      .toString("latin1");
    expect(head).toBe("ftyp");
  });

  it("completes a fal image-to-video job from an uploaded image", async () => {
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#246" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "start.png");
    const upload = await alice.request<{ files: { url: string }[] }>("POST", "/api/upload", { body: form });
    expect(upload.status).toBe(201);
    const id = await create("kling-2-5-turbo-i2v", {
      prompt: "the camera pans",
      first_frame: upload.body.files[0]!.url,
    });
    const done = await waitForGeneration(alice, id, 40_000);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.outputs[0]?.mime).toBe("video/mp4");
  });
});

describe("downloads that redirect", () => {
  it("follows the CDN's redirect to its second, allow-listed host", async () => {
    const id = await create("flux-schnell", { prompt: "a moved file [redirect]" });
    const done = await waitForGeneration(alice, id);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.outputs).toHaveLength(1);
  });
});

describe("webhook deliveries", () => {
  it.each(["flux-schnell", "fal-flux-dev"])(
    "a duplicated final webhook gives one set of outputs (%s)",
    async (model) => {
      const id = await create(model, { prompt: "twice delivered [dup]" });
      const done = await waitForGeneration(alice, id);
      expect(done.status).toBe("completed");
      await new Promise((r) => setTimeout(r, 1500)); // let the duplicate arrive and be handled
      const again = await waitForGeneration(alice, id);
      expect(again.outputs).toHaveLength(1);
      // One original and one thumbnail: the duplicate stored nothing.
      const own = (await storedFiles()).filter((f) => f.includes(id));
      expect(own).toHaveLength(2);
    },
  );

  it.each(["flux-schnell", "fal-flux-dev"])(
    "a job whose webhook never came is completed by the reconciler (%s)",
    async (model) => {
      const id = await create(model, { prompt: "silent job [nohook]" });
      await new Promise((r) => setTimeout(r, 1500));
      expect((await waitForGeneration(alice, id, 0)).status).not.toBe("completed");
      // Make it look quiet for longer than the reconciler waits before asking the provider.
      await app.db
        .sql`update generations set submitted_at = now() - interval '5 minutes', updated_at = now() - interval '5 minutes' where id = ${id}`;
      const report = await runReconciler(app.url);
      expect(report.completed).toBeGreaterThanOrEqual(1);
      const done = await waitForGeneration(alice, id);
      expect(done.status).toBe("completed");
      expect(done.outputs.length).toBeGreaterThan(0);
    },
  );
});
