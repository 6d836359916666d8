// Generations stored before every model named its inputs after the shared ports keep working:
// their input keys and asset edges are renamed per model, so a retry validates today.
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { getModel, validateModelInput } from "@/lib/models-config";

const PORTS_MIGRATION = "20261130155000_normalized_input_ports.sql";
let sql: Sql;
let dir: string;
const name = `ports_migration_${Date.now()}`;

beforeAll(async () => {
  const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  sql = postgres(inject("pgAdminUrl").replace(/\/postgres$/, `/${name}`), { max: 2, onnotice: () => {} });
  dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const file of await readdir(MIGRATIONS_DIR))
    if (file < PORTS_MIGRATION) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  await migrate(sql, dir);
});
afterAll(async () => {
  await sql?.end();
  await rm(dir, { recursive: true, force: true });
  const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const URL_A = "https://example.com/a.png";
const URL_B = "https://example.com/b.png";

it("renames stored input keys and edges per model, leaving other models and keys alone", async () => {
  const [{ id: user } = { id: "" }] =
    await sql`insert into profiles (email) values ('old@example.com') returning id`;
  const insert = async (model: string, provider: string, kind: string, input: Record<string, unknown>) => {
    const [row] = await sql<{ id: string }[]>`
      insert into generations (user_id, model_id, provider, kind, status, input, completed_at)
      values (${user}, ${model}, ${provider}, ${kind}, 'failed', ${sql.json(input as never)}, now()) returning id`;
    return row?.id as string;
  };
  const veo = await insert("veo-3-1-fast", "replicate", "video", {
    prompt: "dolly in",
    image_url: URL_A,
    last_frame_url: URL_B,
    duration_seconds: 8,
  });
  const gemini = await insert("gemini-2-5-flash-image", "google", "image", {
    prompt: "make it blue",
    image_urls: [URL_A, URL_B],
  });
  const upscale = await insert("real-esrgan", "replicate", "image", { image_url: URL_A, scale: 2 });
  const schnell = await insert("flux-schnell", "replicate", "image", { prompt: "a fox", image_url: URL_A });
  const [{ id: asset } = { id: "" }] = await sql`
    insert into assets (user_id, role, storage_path, mime, bytes)
    values (${user}, 'input', ${`users/${user}/uploads/a.png`}, 'image/png', 10) returning id`;
  await sql`
    insert into generation_inputs (generation_id, param, position, slot, asset_id) values
      (${veo}, 'image_url', 0, 'first_frame', ${asset}),
      (${gemini}, 'image_urls', 1, 'reference', ${asset})`;

  await copyFile(path.join(MIGRATIONS_DIR, PORTS_MIGRATION), path.join(dir, PORTS_MIGRATION));
  expect(await migrate(sql, dir)).toContain(PORTS_MIGRATION);

  const inputOf = async (id: string) =>
    (await sql<{ input: Record<string, unknown> }[]>`select input from generations where id = ${id}`)[0]
      ?.input;
  expect(await inputOf(veo)).toEqual({
    prompt: "dolly in",
    first_frame: URL_A,
    last_frame: URL_B,
    duration_seconds: 8,
  });
  expect(await inputOf(gemini)).toEqual({ prompt: "make it blue", reference_images: [URL_A, URL_B] });
  expect(await inputOf(upscale)).toEqual({ image: URL_A, scale: 2 });
  // A model that never had the key keeps whatever it stored.
  expect(await inputOf(schnell)).toEqual({ prompt: "a fox", image_url: URL_A });
  expect(await sql`select generation_id, param, position from generation_inputs order by param`).toEqual([
    { generation_id: veo, param: "first_frame", position: 0 },
    { generation_id: gemini, param: "reference_images", position: 1 },
  ]);
  for (const [id, model] of [
    [veo, "veo-3-1-fast"],
    [gemini, "gemini-2-5-flash-image"],
    [upscale, "real-esrgan"],
  ] as const)
    expect(validateModelInput(getModel(model)!, await inputOf(id))).toMatchObject({ ok: true });
});
