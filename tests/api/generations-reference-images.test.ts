// Reference images the server reads itself (Gemini edits): a URL someone pastes may
// not make the server reach its own network, while our own upload links keep working.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
// A private service on the app's own machine, serving a perfectly good PNG.
let internal: Server;
let internalPort: number;
const internalHits: string[] = [];

beforeAll(async () => {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#a33" } })
    .png()
    .toBuffer();
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  internalPort = (internal.address() as AddressInfo).port;
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(async () => {
  await stopAppWithProviders(app, emulator);
  await new Promise((resolve) => internal?.close(resolve));
});

const balance = async () => (await alice.get<{ credits: number }>("/api/me")).body.credits;
const create = (model: string, input: Record<string, unknown>) =>
  alice.post<{ id?: string; error?: string; code?: string; field?: string }>("/api/generations/create", {
    model,
    input,
  });

async function uploadPng(): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#246" } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "ref.png");
  const upload = await alice.request<{ files: { url: string }[] }>("POST", "/api/upload", { body: form });
  expect(upload.status).toBe(201);
  return upload.body.files[0]?.url ?? "";
}

describe("reference image URLs", () => {
  it.each([
    (port: number) => `http://127.0.0.1:${port}/x.png`,
    (port: number) => `http://2130706433:${port}/x.png`,
    (port: number) => `http://0x7f.1:${port}/x.png`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/x.png`,
    () => "http://169.254.169.254/latest/meta-data/iam/",
  ])("refuses a private address with a 400 naming the field, before charging (%#)", async (spell) => {
    const before = await balance();
    const own = await uploadPng();
    const res = await create("gemini-2-5-flash-image", {
      prompt: "make it blue",
      reference_images: [own, spell(internalPort)],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: "bad_request",
        message: expect.stringMatching(/^reference_images\.1: must point to a public address/),
        field: "reference_images.1",
      },
    });
    expect(await balance()).toBe(before);
    expect(internalHits).toEqual([]);
  });

  it("fails a Gemini edit whose name resolves to loopback, refunds it, and never contacts the target", async () => {
    const before = await balance();
    const res = await create("gemini-2-5-flash-image", {
      prompt: "make it blue",
      reference_images: [`http://localhost:${internalPort}/x.png`],
    });
    expect(res.status).toBe(202);
    const done = await waitForGeneration(alice, res.body.id ?? "");
    expect(done.status).toBe("failed");
    expect(done.error).toBe(
      "reference_images.0: Refused to download media from localhost: it is not a public internet address.",
    );
    expect(await balance()).toBe(before);
    expect(internalHits).toEqual([]);
  });

  it("still takes our own upload as a reference, read from storage", async () => {
    const res = await create("gemini-2-5-flash-image", {
      prompt: "make it blue",
      reference_images: [await uploadPng()],
    });
    expect(res.status).toBe(202);
    const done = await waitForGeneration(alice, res.body.id ?? "");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.outputs).toHaveLength(1);
    // Read from storage, not fetched back over HTTP from our own (loopback) origin.
    expect(app.logs()).not.toContain('"path":"/api/files/');
  });

  it("refuses an own file link whose signature was tampered with", async () => {
    const url = new URL(await uploadPng());
    const sig = url.searchParams.get("sig") ?? "";
    url.searchParams.set("sig", `${sig.startsWith("A") ? "B" : "A"}${sig.slice(1)}`);
    const res = await create("gemini-2-5-flash-image", {
      prompt: "make it blue",
      reference_images: [url.toString()],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { field: "reference_images.0", message: expect.stringMatching(/link is not valid/) },
    });
  });
});
