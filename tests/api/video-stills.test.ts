// Video outputs as their owner meets them: a WebP poster in the list whose pixels are the clip's
// first frame, the clip's size and length, and its last frame kept as an asset of its own that
// the next clip can start from; a video no decoder reads still completes, with no poster and
// the reason in the server's log; deleting the generation removes every file it stored; clips
// stored before stills existed get them from the job the migration enqueues.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { videoTools } from "@/lib/media/video/binaries";
import { runTool } from "@/lib/media/video/run-tool";
import { withTempDir } from "@/lib/media/video/temp-dir";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  type GenerationBody,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";
import { until } from "../unit/emulator-receiver";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let aliceId: string;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  aliceId = (await alice.get<{ id: string }>("/api/me")).body.id;
});
afterAll(() => stopAppWithProviders(app, emulator));

type Output = GenerationBody["outputs"][number];

async function video(input: Record<string, unknown>): Promise<{ id: string; output: Output }> {
  const res = await alice.post<{ id: string }>("/api/generations/create", { model: "veo-3-1-fast", input });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = await waitForGeneration(alice, res.body.id, 40_000);
  expect(done.status, done.error ?? "").toBe("completed");
  // The list gives what the tiles show.
  const list = await alice.get<{ items: GenerationBody[] }>("/api/generations/list?kind=video");
  const item = list.body.items.find((g) => g.id === res.body.id);
  return { id: res.body.id, output: item?.outputs[0] as Output };
}

const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

/** Every frame of a clip as 32x18 RGB, decoded by ffmpeg on its own (not by the code under test). */
async function framesOf(clip: Buffer): Promise<Buffer[]> {
  const { ffmpeg } = await videoTools();
  const raw = await withTempDir(async (dir) => {
    const file = path.join(dir, "clip.mp4");
    await writeFile(file, clip);
    const args = [
      "-v",
      "error",
      "-i",
      file,
      "-vf",
      "scale=32:18",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "pipe:1",
    ];
    return runTool(ffmpeg, args, { signal: AbortSignal.timeout(30_000), maxStdoutBytes: 50_000_000 });
  });
  const size = 32 * 18 * 3;
  return Array.from({ length: raw.length / size }, (_, i) => raw.subarray(i * size, (i + 1) * size));
}

const small = (image: Buffer) => sharp(image).resize(32, 18, { fit: "fill" }).removeAlpha().raw().toBuffer();

/** Mean absolute difference per sample, 0 to 255. */
function distance(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe("video stills", () => {
  it("a clip ends with a WebP poster of its first frame, its size and length, and its last frame", async () => {
    const { id, output } = await video({ prompt: "a lighthouse at dusk", duration_seconds: 6 });
    expect(output).toMatchObject({
      mime: "video/mp4",
      width: 640,
      height: 360,
      duration: 6,
      thumbnail_url: expect.any(String),
      last_frame_url: expect.any(String),
      last_frame_asset_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });

    const poster = await bytesOf(output.thumbnail_url as string);
    expect(await sharp(poster).metadata()).toMatchObject({ format: "webp", width: 512, height: 288 });
    const lastFrame = await bytesOf(output.last_frame_url as string);
    expect(await sharp(lastFrame).metadata()).toMatchObject({ format: "jpeg", width: 640, height: 360 });

    const frames = await framesOf(await bytesOf(output.url));
    expect(frames).toHaveLength(6 * 24);
    const [first, last] = [frames[0] as Buffer, frames.at(-1) as Buffer];
    // The pattern's block crosses the picture, so first and last frames are far apart...
    expect(distance(first, last)).toBeGreaterThan(20);
    // ...and each still is close to its own frame.
    expect(distance(await small(poster), first)).toBeLessThan(8);
    expect(distance(await small(lastFrame), last)).toBeLessThan(8);

    const assets = await app.db.sql`
      select id, role, mime, width, height, duration_seconds::float as duration, original_asset_id
      from assets where generation_id = ${id} order by role`;
    const original = assets.find((a) => a.role === "output");
    expect(assets).toEqual([
      expect.objectContaining({
        role: "frame",
        mime: "image/jpeg",
        width: 640,
        height: 360,
        original_asset_id: original?.id,
      }),
      expect.objectContaining({ role: "output", mime: "video/mp4", width: 640, height: 360, duration: 6 }),
      expect.objectContaining({
        role: "thumbnail",
        mime: "image/webp",
        width: 512,
        height: 288,
        original_asset_id: original?.id,
      }),
    ]);
    expect(assets[0]?.id).toBe(output.last_frame_asset_id);
  });

  it("the last frame starts the next clip, recorded as its first frame", async () => {
    const { id: parent, output } = await video({ prompt: "a boat leaves the harbour", duration_seconds: 4 });
    const { id: next } = await video({
      prompt: "the boat sails on",
      duration_seconds: 4,
      first_frame: output.last_frame_url,
    });
    const edges = await app.db
      .sql`select slot, asset_id from generation_inputs where generation_id = ${next}`;
    expect(edges).toEqual([{ slot: "first_frame", asset_id: output.last_frame_asset_id }]);
    const lineage = await alice.get<{ ancestors: { id: string }[] }>(`/api/generations/${next}/lineage`);
    expect(lineage.body.ancestors.map((a) => a.id)).toEqual([parent]);
  });

  it("a video no decoder reads completes with no poster, and the log says why", async () => {
    const { id, output } = await video({ prompt: "static on the screen [corrupt]", duration_seconds: 4 });
    expect(output).toMatchObject({
      mime: "video/mp4",
      thumbnail_url: null,
      last_frame_url: null,
      last_frame_asset_id: null,
      duration: null,
      width: null,
    });
    expect((await fetch(output.url)).status).toBe(200);
    const roles = await app.db.sql`select role from assets where generation_id = ${id}`;
    expect(roles).toEqual([{ role: "output" }]);
    const line = app
      .logs()
      .split("\n")
      .find((l) => l.includes('"video poster failed"') && l.includes(id));
    expect(line, "a log line for the failed poster").toBeDefined();
    expect(JSON.parse(line as string).reason).toMatch(/ffprobe failed.*Invalid data/);
  });

  it("deleting a clip removes its file, poster and last frame from storage", async () => {
    const { id } = await video({ prompt: "a paper plane", duration_seconds: 4 });
    const dir = path.join(app.dataDir, "storage", "users", aliceId, "generations", id);
    const files = async () => (await readdir(dir, { recursive: true })).filter((f) => f.includes("."));
    expect((await files()).map((f) => path.extname(f)).sort()).toEqual([".jpg", ".mp4", ".webp"]);
    expect((await alice.request("DELETE", `/api/generations/${id}`)).status).toBe(204);
    expect(await files().catch(() => [])).toEqual([]);
  });

  it("a clip stored before stills existed gets them from the backfill job, once", async () => {
    const { id, output } = await video({ prompt: "an old clip of a river", duration_seconds: 4 });
    // As such a row was kept: no poster, last frame, size or length, and no still assets or files.
    await app.db.sql`
      update generations set outputs = jsonb_build_array(
        (outputs -> 0) - 'thumb_path' - 'thumb_asset_id' - 'duration_seconds' - 'last_frame_path'
          - 'last_frame_asset_id' || '{"thumb_path": null, "width": null, "height": null}'::jsonb)
      where id = ${id}`;
    await app.db.sql`delete from assets where generation_id = ${id} and role <> 'output'`;
    const dir = path.join(app.dataDir, "storage", "users", aliceId, "generations", id);
    for (const file of await readdir(dir, { recursive: true }))
      if (/\.(webp|jpg)$/.test(file)) await rm(path.join(dir, file));
    const before = (await alice.get<GenerationBody>(`/api/generations/${id}`)).body.outputs[0];
    expect(before).toMatchObject({ thumbnail_url: null, last_frame_url: null, duration: null });

    const migration = await readFile("supabase/migrations/20261130151100_video_stills_backfill.sql", "utf8");
    await app.db.sql.unsafe(migration);
    await app.db.sql.unsafe(migration); // twice: one job all the same
    const after = await until(
      async () => (await alice.get<GenerationBody>(`/api/generations/${id}`)).body.outputs[0] as Output,
      (o) => o.thumbnail_url !== null,
      30_000,
    );
    expect(after).toMatchObject({
      width: 640,
      height: 360,
      duration: 4,
      last_frame_asset_id: expect.any(String),
    });
    const frames = await framesOf(await bytesOf(after.url));
    expect(
      distance(await small(await bytesOf(after.thumbnail_url as string)), frames[0] as Buffer),
    ).toBeLessThan(8);
    expect(
      distance(await small(await bytesOf(after.last_frame_url as string)), frames.at(-1) as Buffer),
    ).toBeLessThan(8);
    const roles = await app.db.sql`select role from assets where generation_id = ${id} order by role`;
    expect(roles.map((r) => r.role)).toEqual(["frame", "output", "thumbnail"]);
    // The second migration run may have started a job beside a running one; the one that loses
    // the recording removes its own files once it ends, so count once no job is left.
    await until(
      async () => Number((await app.db.sql`select count(*)::int as n from graphile_worker.jobs`)[0]?.n),
      (n) => n === 0,
      30_000,
    );
    const stills = (await readdir(dir, { recursive: true })).filter((f) => /\.(webp|jpg)$/.test(f));
    expect(stills).toHaveLength(2);
    expect(output.url).toBe(after.url);
  });
});
