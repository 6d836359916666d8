// The catalog's typed ports as API clients and the flow editor meet them: every model lists its
// tools and its inputs by port name, models can be listed by tool, and an image port takes an
// asset id, an upload URL or an output URL of the caller's own, but never someone else's file.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  type GenerationBody,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

type Port = { name: string; kind: string; required: boolean; label: string };
type CatalogModel = { id: string; tools: string[]; ports: { inputs: Port[]; output: string } };
type Uploaded = { asset_id: string; url: string };

const balance = async (client: Client) => (await client.get<{ credits: number }>("/api/me")).body.credits;
const rowsOf = async (model: string) =>
  (await app.db.sql`select count(*)::int as n from generations where model_id = ${model}`)[0]?.n as number;

async function upload(client: Client, background = "#2a6"): Promise<Uploaded> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "in.png");
  const res = await client.request<{ files: Uploaded[] }>("POST", "/api/upload", { body: form });
  expect(res.status).toBe(201);
  return res.body.files[0] as Uploaded;
}

async function run(client: Client, model: string, input: Record<string, unknown>): Promise<GenerationBody> {
  const res = await client.post<{ id: string }>("/api/generations/create", { model, input });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = await waitForGeneration(client, res.body.id, 40_000);
  expect(done.status, done.error ?? "").toBe("completed");
  return done;
}

const edges = (id: string) =>
  app.db.sql`select param, slot, asset_id from generation_inputs where generation_id = ${id} order by param`;

describe("GET /api/models", () => {
  it("gives every model its tools and ports named after the shared inputs", async () => {
    const res = await alice.get<CatalogModel[]>("/api/models");
    expect(res.status).toBe(200);
    const byId = new Map(res.body.map((m) => [m.id, m]));
    expect(byId.get("veo-3-1-fast")).toMatchObject({
      tools: expect.arrayContaining(["image_to_video", "keyframes"]),
      ports: {
        inputs: [
          { name: "prompt", kind: "text", required: true, label: "Prompt" },
          { name: "first_frame", kind: "image", required: false, label: "First frame" },
          { name: "last_frame", kind: "image", required: false, label: "Last frame" },
        ],
        output: "video",
      },
    });
    expect(byId.get("gemini-2-5-flash-image")?.ports.inputs.map((p) => [p.name, p.kind])).toEqual([
      ["prompt", "text"],
      ["reference_images", "images"],
    ]);
    expect(byId.get("real-esrgan")?.ports).toEqual({
      inputs: [{ name: "image", kind: "image", required: true, label: "Image" }],
      output: "image",
    });
    const names = new Set(["prompt", "image", "mask", "reference_images", "first_frame", "last_frame"]);
    for (const model of res.body) for (const port of model.ports.inputs) expect(names).toContain(port.name);
  });

  it("lists the models of one tool, and refuses an unknown tool naming the field", async () => {
    const upscale = await alice.get<CatalogModel[]>("/api/models?tool=upscale");
    expect(upscale.status).toBe(200);
    expect(upscale.body.length).toBeGreaterThan(0);
    for (const model of upscale.body) expect(model.tools).toContain("upscale");
    expect(upscale.body.map((m) => m.id)).toContain("real-esrgan");
    const unknown = await alice.get("/api/models?tool=teleport");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: "bad_request", field: "tool" } });
  });
});

describe("image ports", () => {
  it("take an asset id of the caller's upload, recorded as the input's asset", async () => {
    const up = await upload(alice);
    const done = await run(alice, "real-esrgan", { image: up.asset_id, scale: 2 });
    expect(await edges(done.id)).toEqual([{ param: "image", slot: "image", asset_id: up.asset_id }]);
  });

  it("take an output URL from the list API as a first frame", async () => {
    const still = await run(alice, "flux-schnell", { prompt: "a lighthouse at dusk" });
    const list = await alice.get<{ items: { id: string; outputs: { url: string; asset_id: string }[] }[] }>(
      "/api/generations/list",
    );
    const output = list.body.items.find((g) => g.id === still.id)?.outputs[0];
    const video = await run(alice, "kling-2-5-turbo-i2v", { prompt: "waves", first_frame: output?.url });
    expect(await edges(video.id)).toEqual([
      { param: "first_frame", slot: "first_frame", asset_id: output?.asset_id },
    ]);
  });

  it.each([
    [
      "an asset id of another user",
      async () => ({ image: (await upload(alice, "#a33")).asset_id }),
      "no such image",
    ],
    [
      "an upload URL of another user",
      async () => ({ image: (await upload(alice, "#3a3")).url }),
      "another person's file",
    ],
    ["an asset id that names nothing", async () => ({ image: crypto.randomUUID() }), "no such image"],
  ])("refuse %s with a 400 naming the field, charging and storing nothing", async (_, input, message) => {
    const before = await balance(bob);
    const rows = await rowsOf("real-esrgan");
    const res = await bob.post("/api/generations/create", { model: "real-esrgan", input: await input() });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: "bad_request", field: "image", message: expect.stringContaining(message) },
    });
    expect(await balance(bob)).toBe(before);
    expect(await rowsOf("real-esrgan")).toBe(rows);
  });

  it("refuse a video asset where an image goes", async () => {
    const clip = await run(alice, "kling-2-5-turbo-t2v", { prompt: "rain on a window" });
    const [asset] = await app.db
      .sql`select id from assets where generation_id = ${clip.id} and role = 'output'`;
    const res = await alice.post("/api/generations/create", {
      model: "real-esrgan",
      input: { image: asset?.id },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { field: "image", message: "image: must be an image, not video/mp4" },
    });
  });
});
