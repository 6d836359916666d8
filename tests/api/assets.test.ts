// Assets as a user and an admin meet them: uploads stored once per content and stripped of
// metadata, bytes that are no image refused with nothing stored, outputs named by asset in the
// list and result APIs, lineage to any depth (the owner's only), and a retry long after the
// original's links expired.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";
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
let admin: Client;
let aliceId: string;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "admin@example.com" } }));
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
  admin = await signIn(app.url, "admin@example.com");
  aliceId = (await alice.get<{ id: string }>("/api/me")).body.id;
});
afterAll(() => stopAppWithProviders(app, emulator));

type Uploaded = { asset_id: string; url: string; path: string; width: number; height: number; mime: string };

async function upload(client: Client, data: Buffer, name = "photo.jpg", type = "image/jpeg") {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(data)], { type }), name);
  return client.request<{ files: Uploaded[]; error?: string; code?: string }>("POST", "/api/upload", {
    body: form,
  });
}

async function uploadsOnDisk(userId: string): Promise<string[]> {
  const dir = path.join(app.dataDir, "storage", "users", userId, "uploads");
  return readdir(dir).catch(() => []);
}

async function create(client: Client, model: string, input: Record<string, unknown>): Promise<string> {
  const res = await client.post<{ id: string }>("/api/generations/create", { model, input });
  if (res.status !== 202) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function completed(client: Client, id: string): Promise<GenerationBody> {
  const done = await waitForGeneration(client, id);
  expect(done.status, done.error ?? "").toBe("completed");
  return done;
}

describe("uploads", () => {
  it("stores the same bytes once per user: one asset, one file", async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#284" } })
      .png()
      .toBuffer();
    const first = await upload(alice, png, "a.png", "image/png");
    const again = await upload(alice, png, "same-bytes-other-name.png", "image/png");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.files[0]?.asset_id).toBe(first.body.files[0]?.asset_id);
    expect(await uploadsOnDisk(aliceId)).toHaveLength(1);
    const [asset] = await app.db.sql`
      select role, mime, width, height, bytes::int, sha256, storage_path from assets where id = ${first.body.files[0]?.asset_id ?? null}`;
    expect(asset).toMatchObject({ role: "input", mime: "image/png", width: 30, height: 20 });
    expect(asset?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(asset?.storage_path).toBe(first.body.files[0]?.path);
    // Someone else's identical upload is theirs alone.
    const bobs = await upload(bob, png, "a.png", "image/png");
    expect(bobs.body.files[0]?.asset_id).not.toBe(first.body.files[0]?.asset_id);
  });

  it("strips EXIF and other metadata, keeping the orientation applied", async () => {
    // 40×20 pixels stored sideways: EXIF orientation 6 says "rotate 90° to view" (20×40).
    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#c63" } })
      .withExif({ IFD0: { Copyright: "secret owner", Artist: "someone", ImageDescription: "GPS here" } })
      .jpeg()
      .toBuffer();
    const tagged = await sharp(jpeg).keepExif().withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const before = await sharp(tagged).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);

    const res = await upload(alice, tagged);
    expect(res.status).toBe(201);
    const [file] = res.body.files;
    expect(file).toMatchObject({ width: 20, height: 40 });
    const stored = Buffer.from(await (await fetch(file?.url ?? "")).arrayBuffer());
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation ?? 1).toBe(1);
    expect([after.width, after.height]).toEqual([20, 40]);
    expect(stored.includes(Buffer.from("secret owner"))).toBe(false);
  });

  it("answers 415 with a clear message to bytes that are no image, and stores nothing", async () => {
    const before = await uploadsOnDisk(aliceId);
    const [{ n: assetsBefore } = { n: 0 }] = await app.db.sql`select count(*)::int as n from assets`;
    const res = await upload(alice, Buffer.from("%PDF-1.7 not a picture"), "scan.jpg", "image/jpeg");
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      error: {
        code: "unsupported_media_type",
        message: "scan.jpg: not a PNG, JPEG, WebP, GIF or AVIF image",
      },
    });
    expect(await uploadsOnDisk(aliceId)).toEqual(before);
    const [{ n: assetsAfter } = { n: 0 }] = await app.db.sql`select count(*)::int as n from assets`;
    expect(assetsAfter).toBe(assetsBefore);
  });
});

describe("outputs and lineage", () => {
  let a: GenerationBody;
  let b: GenerationBody;
  let c: GenerationBody;

  beforeAll(async () => {
    a = await completed(alice, await create(alice, "flux-schnell", { prompt: "a red door" }));
    const edit = (from: GenerationBody, prompt: string) =>
      create(alice, "gemini-2-5-flash-image", { prompt, reference_images: [from.outputs[0]?.url] });
    b = await completed(alice, await edit(a, "make the door blue"));
    c = await completed(alice, await edit(b, "add a cat"));
  }, 60_000);

  it("names each output's asset in the result and list APIs", async () => {
    const [output] = a.outputs as (GenerationBody["outputs"][number] & { asset_id: string })[];
    const [asset] = await app.db
      .sql`select role, generation_id from assets where id = ${output?.asset_id ?? null}`;
    expect(asset).toEqual({ role: "output", generation_id: a.id });
    const list = await alice.get<{ items: { id: string; outputs: { asset_id: string }[] }[] }>(
      "/api/generations/list",
    );
    expect(list.body.items.find((g) => g.id === a.id)?.outputs[0]?.asset_id).toBe(output?.asset_id);
    const edges = await app.db.sql`
      select gi.slot, gi.asset_id from generation_inputs gi where gi.generation_id = ${b.id}`;
    expect(edges).toEqual([{ slot: "reference", asset_id: output?.asset_id }]);
  });

  it("records a video output's length, size and hash on its asset", async () => {
    const video = await completed(alice, await create(alice, "veo-3-1-fast", { prompt: "waves rolling in" }));
    const [asset] = await app.db.sql`
      select role, mime, duration_seconds::float as duration, bytes::int, sha256 from assets
      where generation_id = ${video.id} and role = 'output'`;
    expect(asset).toMatchObject({ role: "output", mime: "video/mp4", duration: 8 });
    expect(asset?.bytes).toBeGreaterThan(0);
    expect(asset?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("returns ancestors and descendants to any depth, with model, status and thumbnail", async () => {
    const mid = await alice.get<{ ancestors: { id: string }[]; descendants: { id: string }[] }>(
      `/api/generations/${b.id}/lineage`,
    );
    expect(mid.status).toBe(200);
    expect(mid.body.ancestors.map((n) => n.id)).toEqual([a.id]);
    expect(mid.body.descendants.map((n) => n.id)).toEqual([c.id]);

    const leaf = await alice.get<{
      ancestors: { id: string; model: string; status: string; thumbnail_url: string | null; depth: number }[];
    }>(`/api/generations/${c.id}/lineage`);
    expect(leaf.body.ancestors).toEqual([
      {
        id: b.id,
        model: "gemini-2-5-flash-image",
        status: "completed",
        thumbnail_url: expect.any(String),
        depth: 1,
      },
      { id: a.id, model: "flux-schnell", status: "completed", thumbnail_url: expect.any(String), depth: 2 },
    ]);
    expect((await fetch(leaf.body.ancestors[1]?.thumbnail_url ?? "")).status).toBe(200);
    const root = await alice.get<{ descendants: { id: string; depth: number }[] }>(
      `/api/generations/${a.id}/lineage`,
    );
    expect(root.body.descendants.map((n) => [n.id, n.depth])).toEqual([
      [b.id, 1],
      [c.id, 2],
    ]);
  });

  it("is the owner's only: another user's id is a 404, like a missing one", async () => {
    expect((await bob.get(`/api/generations/${b.id}/lineage`)).status).toBe(404);
    expect((await bob.get("/api/generations/00000000-0000-4000-8000-000000000000/lineage")).status).toBe(404);
    expect((await bob.get("/api/generations/not-an-id/lineage")).status).toBe(404);
    expect((await new Client(app.url).get(`/api/generations/${b.id}/lineage`)).status).toBe(401);
  });
});

describe("retry of an old generation", () => {
  it("works after the original's signed links have expired: inputs are assets, signed at submit", async () => {
    const png = await sharp({ create: { width: 48, height: 48, channels: 3, background: "#35a" } })
      .png()
      .toBuffer();
    const up = await upload(alice, png, "ref.png", "image/png");
    const original = await completed(
      alice,
      await create(alice, "gemini-2-5-flash-image", {
        prompt: "a teal vase",
        reference_images: [up.body.files[0]?.url],
      }),
    );
    // Days later: the failed original's stored links are long expired.
    await app.db.sql`
      update generations set status = 'failed', error = 'provider outage', outputs = '[]'::jsonb,
        input = jsonb_set(input, '{reference_images,0}', to_jsonb(regexp_replace(input #>> '{reference_images,0}', 'exp=\\d+', 'exp=1000')))
      where id = ${original.id}`;
    const [stale] = await app.db.sql<
      { url: string }[]
    >`select input #>> '{reference_images,0}' as url from generations where id = ${original.id}`;
    expect((await fetch(stale?.url ?? "")).status).toBeGreaterThanOrEqual(400);

    const retried = await admin.post<{ id: string }>(`/api/admin/generations/${original.id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    const done = await completed(alice, retried.body.id);
    expect(done.outputs).toHaveLength(1);
    const edges = await app.db
      .sql`select asset_id from generation_inputs where generation_id = ${retried.body.id}`;
    expect(edges).toEqual([{ asset_id: up.body.files[0]?.asset_id }]);
  });
});
