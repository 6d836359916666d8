// Keyframes and variations on the emulator. Keyframes: a real MP4 whose first and last frames
// resemble the given frames, on every model that takes a first and a last frame; a frame of
// another user is refused. Variations: each is its own generation, charged and refunded alone.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { videoTools } from "@/lib/media/video/binaries";
import { extractFrame } from "@/lib/media/video/extract-frame";
import { withTempDir } from "@/lib/media/video/temp-dir";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";
import { download, solidPng, type Uploaded, uploadImage } from "../helpers/tool-images";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let bob: Client;
let red: Uploaded;
let blue: Uploaded;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
  red = await uploadImage(alice, await solidPng(160, 90, "#e02020"));
  blue = await uploadImage(alice, await solidPng(160, 90, "#2040e0"));
});
afterAll(() => stopAppWithProviders(app, emulator));

const balance = async (client: Client) => (await client.get<{ credits: number }>("/api/me")).body.credits;
const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] as number)) < 24);

/** The mean colour of a video's first and last frames, decoded by the ffmpeg the app ships. */
async function endColours(video: Buffer): Promise<{ first: number[]; last: number[] }> {
  const { ffmpeg } = await videoTools();
  return withTempDir(async (dir) => {
    const file = path.join(dir, "clip.mp4");
    await writeFile(file, video);
    const mean = async (which: "first" | "last") => {
      const out = path.join(dir, `${which}.tiff`);
      await extractFrame(ffmpeg, file, which, out, AbortSignal.timeout(30_000));
      return (await sharp(out).stats()).channels.slice(0, 3).map((c) => c.mean);
    };
    return { first: await mean("first"), last: await mean("last") };
  });
}

describe("keyframes", () => {
  it.each([
    ["fal-veo-3-1-keyframes", { duration_seconds: 4 }],
    ["veo-3-1-fast", { duration_seconds: 4 }],
    ["kling-2-5-turbo-i2v", {}],
  ])("%s: an MP4 from the first frame to the last", async (model, extra) => {
    const res = await alice.post<{ id: string }>("/api/generations/create", {
      model,
      input: { prompt: "the light changes", first_frame: red.asset_id, last_frame: blue.url, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const done = await waitForGeneration(alice, res.body.id, 40_000);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.outputs[0]?.mime).toBe("video/mp4");
    const { first, last } = await endColours(await download(done.outputs[0]!.url));
    expect(close(first, [224, 32, 32]), `first frame ${first}`).toBe(true);
    expect(close(last, [32, 64, 224]), `last frame ${last}`).toBe(true);
    const edges = await app.db.sql`
      select slot from generation_inputs where generation_id = ${done.id} order by slot`;
    expect(edges).toEqual([{ slot: "first_frame" }, { slot: "last_frame" }]);
  });

  it("refunds failed keyframes", async () => {
    const res = await alice.post<{ id: string }>("/api/generations/create", {
      model: "fal-veo-3-1-keyframes",
      input: {
        prompt: "[fail] dusk",
        first_frame: red.asset_id,
        last_frame: blue.asset_id,
        duration_seconds: 4,
      },
    });
    expect((await waitForGeneration(alice, res.body.id, 40_000)).status).toBe("failed");
    const ledger = await app.db.sql`
      select delta, reason from credit_ledger where generation_id = ${res.body.id} order by created_at`;
    expect(ledger).toEqual([
      { delta: -80, reason: "charge" },
      { delta: 80, reason: "refund" },
    ]);
  });

  it("refuses a frame from another user, charging nothing", async () => {
    const before = await balance(bob);
    const res = await bob.post("/api/generations/create", {
      model: "fal-veo-3-1-keyframes",
      input: { prompt: "x", first_frame: red.url, last_frame: blue.asset_id },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { field: "first_frame", message: "first_frame: is another person's file" },
    });
    expect(await balance(bob)).toBe(before);
  });
});

describe("variations", () => {
  it("starts each variation as its own generation with its own seed and charge", async () => {
    const before = await balance(alice);
    const res = await alice.post<{ id: string; ids: string[] }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a paper boat" },
      variations: 3,
    });
    expect(res.status).toBe(202);
    expect(res.body.ids).toHaveLength(3);
    expect(res.body.id).toBe(res.body.ids[0]);
    const done = await Promise.all(res.body.ids.map((id) => waitForGeneration(alice, id)));
    expect(done.map((d) => d.status)).toEqual(["completed", "completed", "completed"]);
    const rows = await app.db.sql<{ seed: number }[]>`
      select (input ->> 'seed')::int as seed from generations where id = any(${res.body.ids}::uuid[])`;
    expect(new Set(rows.map((r) => r.seed)).size).toBe(3);
    const urls = new Set(done.map((d) => d.outputs[0]?.url));
    expect(urls.size).toBe(3);
    expect(await balance(alice)).toBe(before - 3);
  });

  it("refunds a failed variation alone", async () => {
    const res = await alice.post<{ ids: string[] }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "[fail] a storm" },
      variations: 2,
    });
    for (const id of res.body.ids) {
      expect((await waitForGeneration(alice, id)).status).toBe("failed");
      const ledger = await app.db
        .sql`select delta, reason from credit_ledger where generation_id = ${id} order by created_at`;
      expect(ledger).toEqual([
        { delta: -1, reason: "charge" },
        { delta: 1, reason: "refund" },
      ]);
    }
  });

  it("refuses 5 variations naming the field, charging and storing nothing", async () => {
    const before = await balance(alice);
    const [{ n: rows } = { n: 0 }] = await app.db.sql`select count(*)::int as n from generations`;
    const res = await alice.post("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a paper boat" },
      variations: 5,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", field: "variations" } });
    expect(await balance(alice)).toBe(before);
    const [{ n: after } = { n: 0 }] = await app.db.sql`select count(*)::int as n from generations`;
    expect(after).toBe(rows);
  });
});
