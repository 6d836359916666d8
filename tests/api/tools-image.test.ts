// The image tools on the emulator, checked on the stored outputs: inpaint changes only the
// masked region, expand puts the original where asked on the asked canvas, upscale multiplies
// the size, background removal gives an alpha PNG, face restore keeps the size. Each is charged
// once, refunded on failure, and bad input is refused naming the field with nothing charged.
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
import {
  download,
  maxDifference,
  patternPng,
  pixels,
  rectMask,
  solidPng,
  type Uploaded,
  uploadImage,
} from "../helpers/tool-images";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let photo: Uploaded;
let photoPng: Buffer;

const W = 96;
const H = 64;
const RECT = { left: 24, top: 16, width: 32, height: 24 };

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  photoPng = await patternPng(W, H);
  photo = await uploadImage(alice, photoPng);
});
afterAll(() => stopAppWithProviders(app, emulator));

const balance = async () => (await alice.get<{ credits: number }>("/api/me")).body.credits;

async function run(model: string, input: Record<string, unknown>): Promise<GenerationBody & { id: string }> {
  const res = await alice.post<{ id: string }>("/api/generations/create", { model, input });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = await waitForGeneration(alice, res.body.id, 40_000);
  expect(done.status, done.error ?? "").toBe("completed");
  return done;
}

async function ledger(id: string) {
  return app.db.sql<{ delta: number; reason: string }[]>`
    select delta, reason from credit_ledger where generation_id = ${id} order by created_at`;
}

async function refused(model: string, input: Record<string, unknown>, field: string, message: RegExp) {
  const before = await balance();
  const [{ n: rows } = { n: 0 }] = await app.db.sql`select count(*)::int as n from generations`;
  const res = await alice.post("/api/generations/create", { model, input });
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({
    error: { code: "bad_request", field, message: expect.stringMatching(message) },
  });
  expect(await balance()).toBe(before);
  const [{ n: after } = { n: 0 }] = await app.db.sql`select count(*)::int as n from generations`;
  expect(after).toBe(rows);
}

describe("inpaint", () => {
  const inside = (x: number, y: number) =>
    x >= RECT.left && x < RECT.left + RECT.width && y >= RECT.top && y < RECT.top + RECT.height;
  // Leave a pixel's margin at the mask's edge out of the comparison (resampling at the border).
  const outside = (x: number, y: number) =>
    !(x >= RECT.left - 1 && x <= RECT.left + RECT.width && y >= RECT.top - 1 && y <= RECT.top + RECT.height);

  it.each(["fal-flux-pro-fill", "flux-fill-pro"])(
    "%s changes only the masked region, charged once",
    async (model) => {
      const mask = await uploadImage(alice, await rectMask(W, H, RECT), "mask");
      const before = await balance();
      const done = await run(model, { prompt: "a red balloon", image: photo.asset_id, mask: mask.asset_id });
      const out = await pixels(await download(done.outputs[0]!.url));
      const original = await pixels(photoPng);
      expect([out.width, out.height]).toEqual([W, H]);
      expect(maxDifference(out, original, undefined, outside)).toBeLessThanOrEqual(2);
      expect(maxDifference(out, original, undefined, inside)).toBeGreaterThan(40);
      expect(await ledger(done.id)).toEqual([{ delta: -5, reason: "charge" }]);
      expect(await balance()).toBe(before - 5);
    },
  );

  it("takes an alpha mask (painted on transparent) and keeps the converted mask as an asset", async () => {
    const opaque = await solidPng(RECT.width, RECT.height, "#f0f");
    const alpha = await sharp({
      create: { width: W, height: H, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([{ input: opaque, left: RECT.left, top: RECT.top }])
      .png()
      .toBuffer();
    const mask = await uploadImage(alice, alpha, "mask");
    const done = await run("fal-flux-pro-fill", { prompt: "a kite", image: photo.url, mask: mask.url });
    const out = await pixels(await download(done.outputs[0]!.url));
    expect(maxDifference(out, await pixels(photoPng), undefined, outside)).toBeLessThanOrEqual(2);
    const [row] = await app.db.sql<
      { input: { mask: string } }[]
    >`select input from generations where id = ${done.id}`;
    expect(row?.input.mask).not.toBe(mask.url);
    const masks = await app.db.sql`
      select a.role from generation_inputs gi join assets a on a.id = gi.asset_id
      where gi.generation_id = ${done.id} and gi.slot = 'mask'`;
    expect(masks).toEqual([{ role: "mask" }]);
  });

  it("refuses a mask of another size, an empty mask, and a mask for a video", async () => {
    const small = await uploadImage(
      alice,
      await rectMask(W / 2, H / 2, { left: 2, top: 2, width: 8, height: 8 }),
      "mask",
    );
    await refused(
      "fal-flux-pro-fill",
      { prompt: "x", image: photo.asset_id, mask: small.asset_id },
      "mask",
      /^mask: is 48×32; it must be the image's size, 96×64$/,
    );
    const empty = await uploadImage(alice, await solidPng(W, H, "#000"), "mask");
    await refused(
      "flux-fill-pro",
      { prompt: "x", image: photo.asset_id, mask: empty.asset_id },
      "mask",
      /^mask: is empty/,
    );
    const mask = await uploadImage(alice, await rectMask(W, H, RECT), "mask");
    await refused(
      "kling-2-5-turbo-i2v",
      { prompt: "x", first_frame: photo.asset_id, mask: mask.asset_id },
      "mask",
      /^mask: is not a parameter of this model$/,
    );
  });

  it("refunds a failed inpaint", async () => {
    const mask = await uploadImage(alice, await rectMask(W, H, RECT), "mask");
    const before = await balance();
    const res = await alice.post<{ id: string }>("/api/generations/create", {
      model: "fal-flux-pro-fill",
      input: { prompt: "[fail] a cat", image: photo.asset_id, mask: mask.asset_id },
    });
    const done = await waitForGeneration(alice, res.body.id, 40_000);
    expect(done.status).toBe("failed");
    expect(await ledger(res.body.id)).toEqual([
      { delta: -5, reason: "charge" },
      { delta: 5, reason: "refund" },
    ]);
    expect(await balance()).toBe(before);
  });
});

describe("expand", () => {
  it("puts the original on the requested canvas at the requested place", async () => {
    const done = await run("fal-bria-expand", {
      image: photo.asset_id,
      canvas_width: 160,
      canvas_height: 90,
      image_x: 40,
      image_y: 13,
    });
    const out = await pixels(await download(done.outputs[0]!.url));
    expect([out.width, out.height]).toEqual([160, 90]);
    expect(maxDifference(out, await pixels(photoPng), { left: 40, top: 13 })).toBeLessThanOrEqual(2);
  });

  it("adds pixels per side with the original at the left and top margins", async () => {
    const done = await run("fal-outpaint", {
      image: photo.asset_id,
      expand_left: 32,
      expand_top: 8,
      expand_bottom: 8,
    });
    const out = await pixels(await download(done.outputs[0]!.url));
    expect([out.width, out.height]).toEqual([W + 32, H + 16]);
    expect(maxDifference(out, await pixels(photoPng), { left: 32, top: 8 })).toBeLessThanOrEqual(2);
  });

  it("refunds a failed expand", async () => {
    const res = await alice.post<{ id: string }>("/api/generations/create", {
      model: "fal-bria-expand",
      input: { image: photo.asset_id, prompt: "[fail] more sky", canvas_width: 160, canvas_height: 90 },
    });
    expect((await waitForGeneration(alice, res.body.id, 40_000)).status).toBe("failed");
    expect(await ledger(res.body.id)).toEqual([
      { delta: -4, reason: "charge" },
      { delta: 4, reason: "refund" },
    ]);
  });

  it("refuses a canvas over the model's maximum and a placement off the canvas", async () => {
    await refused(
      "fal-bria-expand",
      { image: photo.asset_id, canvas_width: 6000, canvas_height: 900 },
      "canvas_width",
      /^canvas_width: must be at most 5000$/,
    );
    await refused(
      "fal-bria-expand",
      { image: photo.asset_id, canvas_width: 120, canvas_height: 90, image_x: 40 },
      "image_x",
      /passes the canvas's right edge/,
    );
  });
});

describe("upscale, background removal, face restore", () => {
  it.each([
    ["fal-clarity-upscaler", 2],
    ["fal-clarity-upscaler", 4],
    ["real-esrgan", 2],
    ["real-esrgan", 4],
  ] as const)("%s returns %i× the input", async (model, scale) => {
    const done = await run(model, { image: photo.asset_id, scale });
    const out = await sharp(await download(done.outputs[0]!.url)).metadata();
    expect([out.width, out.height]).toEqual([W * scale, H * scale]);
  });

  it("refuses an image over the model's limit", async () => {
    const big = await uploadImage(alice, await solidPng(1500, 1500, "#357"));
    await refused(
      "real-esrgan",
      { image: big.asset_id },
      "image",
      /^image: is 1500×1500; Real-ESRGAN upscaler takes at most 2\.1 megapixels$/,
    );
  });

  it.each(["fal-birefnet", "background-remover"])("%s returns a PNG with an alpha channel", async (model) => {
    const subject = await sharp(await solidPng(W, H, "#ffffff"))
      .composite([{ input: await solidPng(40, 30, "#c0392b"), left: 28, top: 17 }])
      .png()
      .toBuffer();
    const done = await run(model, { image: (await uploadImage(alice, subject)).asset_id });
    const file = await download(done.outputs[0]!.url);
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: "png", hasAlpha: true, width: W, height: H });
    const rgba = await pixels(file, 4);
    expect(rgba.data[3]).toBe(0); // the white corner is cut away
    expect(rgba.data[((17 + 15) * W + 28 + 20) * 4 + 3]).toBe(255); // the subject stays
  });

  it.each(["codeformer", "fal-codeformer"])("%s restores at the same size", async (model) => {
    const done = await run(model, { image: photo.asset_id });
    const out = await sharp(await download(done.outputs[0]!.url)).metadata();
    expect([out.width, out.height]).toEqual([W, H]);
  });
});
