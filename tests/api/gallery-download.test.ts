// Downloading originals as a zip: streamed, with a manifest of prompts and parameters, only the
// caller's own generations (anyone else's ids are left out), from JSON or a browser form, and
// with flat server memory for thousands of files.
import { createWriteStream } from "node:fs";
import { link, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeRss } from "../../scripts/bench/harness";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { seedGenerations, userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";
import { zipEntries, zipEntryNames } from "../helpers/zip";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let aliceId: string;
let bobGeneration: string;

type Manifest = {
  generations: {
    id: string;
    files: string[];
    prompt: string;
    model: string;
    params: Record<string, unknown>;
  }[];
};

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
  await signIn(app.url, "bob@example.com");
  aliceId = await userIdOf(app.db.sql, "alice@example.com");
  const bobId = await userIdOf(app.db.sql, "bob@example.com");
  [bobGeneration] = (await seedGenerations(app.db.sql, bobId, [{ prompt: "bob's secret" }])) as [string];
  await app.db.sql`update generations set outputs = ${app.db.sql.json([
    {
      path: `users/${bobId}/generations/${bobGeneration}/0.png`,
      mime: "image/png",
      width: 1,
      height: 1,
      bytes: 1,
    },
  ])} where id = ${bobGeneration}`;
});
afterAll(() => stopAppWithProviders(app, emulator));

async function post(body: BodyInit, type: string): Promise<Response> {
  return fetch(`${app.url}/api/generations/download`, {
    method: "POST",
    headers: { "content-type": type, cookie: `atelier_session=${alice.cookie("atelier_session")}` },
    body,
  });
}

describe("zip download", () => {
  const made: { id: string; url: string; prompt: string }[] = [];

  beforeAll(async () => {
    for (const prompt of ["a blue kite over dunes", "three pears on a plate"]) {
      const res = await alice.post<{ id: string }>("/api/generations/create", {
        model: "flux-schnell",
        input: { prompt, num_outputs: 1, seed: 7 },
      });
      const done = await waitForGeneration(alice, res.body.id);
      made.push({ id: res.body.id, url: done.outputs[0]?.url ?? "", prompt });
    }
  });

  it("streams the caller's originals with a manifest, leaving out anyone else's", async () => {
    const res = await post(
      JSON.stringify({ ids: [made[0]?.id, made[1]?.id, bobGeneration] }),
      "application/json",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="atelier-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const entries = await zipEntries(Buffer.from(await res.arrayBuffer()));
    const manifest = JSON.parse(entries.get("manifest.json")?.toString() ?? "{}") as Manifest;
    expect(manifest.generations.map((g) => g.id).sort()).toEqual(made.map((m) => m.id).sort());
    expect(JSON.stringify(manifest)).not.toContain("bob's secret");
    for (const item of made) {
      const record = manifest.generations.find((g) => g.id === item.id);
      expect(record).toMatchObject({
        prompt: item.prompt,
        model: "flux-schnell",
        params: { prompt: item.prompt, seed: 7 },
      });
      const [file] = record?.files ?? [];
      const original = Buffer.from(await (await fetch(item.url)).arrayBuffer());
      expect(entries.get(file ?? "")?.equals(original), file).toBe(true);
    }
    expect([...entries.keys()].sort()).toEqual(
      ["manifest.json", ...manifest.generations.flatMap((g) => g.files)].sort(),
    );
  });

  it("takes the ids from a browser form too", async () => {
    const res = await post(
      new URLSearchParams({ ids: made.map((m) => m.id).join(",") }),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    const entries = await zipEntries(Buffer.from(await res.arrayBuffer()));
    expect(entries.size).toBe(3);
  });

  it("answers 404 when none of the ids is the caller's, and 400 to bad input", async () => {
    const none = await post(
      JSON.stringify({ ids: [bobGeneration, crypto.randomUUID()] }),
      "application/json",
    );
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: "not_found" } });
    for (const body of [{ ids: [] }, { ids: ["x"] }, { ids: "x" }, {}]) {
      const bad = await post(JSON.stringify(body), "application/json");
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("streams 5,000 originals with the server's memory bounded", async () => {
    // 5,000 originals of 64 KB (incompressible), as hard links to one file: 320 MB of zip.
    const folder = `users/${aliceId}/zipload`;
    const dir = path.join(app.dataDir, "storage", folder);
    await mkdir(dir, { recursive: true });
    const source = path.join(dir, "source.jpg");
    await writeFile(source, crypto.getRandomValues(new Uint8Array(64 * 1024)));
    const count = 5_000;
    for (let i = 0; i < count; i++) await link(source, path.join(dir, `${i}.jpg`));
    const rows = await app.db.sql<{ id: string }[]>`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, outputs, created_at, completed_at)
      select ${aliceId}, 'flux-schnell', 'replicate', 'image', 'completed', '{"prompt":"load"}'::jsonb, 'load ' || n,
             jsonb_build_array(jsonb_build_object('path', ${folder} || '/' || n || '.jpg', 'mime', 'image/jpeg',
               'width', 64, 'height', 64, 'bytes', 65536)),
             now() - make_interval(secs => n), now()
      from generate_series(0, ${count - 1}) n returning id`;
    const ids = rows.map((r) => r.id);
    const out = await mkdtemp(path.join(tmpdir(), "atelier-zip-"));
    /** Downloads the zip to a file while sampling the server's memory; its growth over idle. */
    async function download(): Promise<{ growth: number; names: string[] }> {
      const idle = treeRss(app.pid);
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, treeRss(app.pid));
      }, 50);
      try {
        const res = await post(JSON.stringify({ ids }), "application/json");
        expect(res.status).toBe(200);
        const file = path.join(out, "all.zip");
        await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
        return { growth: peak - idle, names: await zipEntryNames(file) };
      } finally {
        clearInterval(sampler);
      }
    }
    try {
      const first = await download();
      expect(first.names).toHaveLength(count + 1);
      expect(first.names[0]).toBe("manifest.json");
      // Well below the archive's 320 MB: it is never held whole, only its chunks in passing
      // (what growth there is, is the heap reaching its working size; it is reused by later zips).
      expect(first.growth).toBeLessThan(0.75 * count * 64 * 1024);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 180_000);
});
