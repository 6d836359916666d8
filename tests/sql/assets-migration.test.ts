// Rows from before assets existed are carried over: outputs and thumbnails become assets and
// each output names its asset, completed uploads become input assets, and inputs that link to
// the owner's own files become edges (so lineage covers old generations too).
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";

const ASSETS_MIGRATION = "20261130131000_assets.sql";
let sql: Sql;
let dir: string;
const name = `assets_migration_${Date.now()}`;

beforeAll(async () => {
  const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  sql = postgres(inject("pgAdminUrl").replace(/\/postgres$/, `/${name}`), { max: 2, onnotice: () => {} });
  dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const file of await readdir(MIGRATIONS_DIR))
    if (file < ASSETS_MIGRATION) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  await migrate(sql, dir);
});
afterAll(async () => {
  await sql?.end();
  await rm(dir, { recursive: true, force: true });
  const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

it("turns existing outputs, uploads and own-file inputs into assets and edges", async () => {
  const [{ id: user } = { id: "" }] =
    await sql`insert into profiles (email) values ('old@example.com') returning id`;
  const uploadPath = `users/${user}/uploads/old.jpg`;
  await sql`
    insert into uploads (user_id, kind, name, declared_bytes, max_bytes, incoming_path, status, result, expires_at, completed_at)
    values (${user}, 'image', 'old.jpg', 10, 10, ${`users/${user}/incoming/x`}, 'completed',
            ${sql.json({ url: "x", path: uploadPath, mime: "image/jpeg", width: 40, height: 30, bytes: 1234 })},
            now(), now())`;
  const outputs = [
    {
      path: `users/${user}/generations/g/a/0.png`,
      thumb_path: `users/${user}/generations/g/a/0.thumb.webp`,
      mime: "image/png",
      width: 64,
      height: 48,
      bytes: 999,
    },
  ];
  const [{ id: parent } = { id: "" }] = await sql`
    insert into generations (user_id, model_id, provider, kind, status, outputs, completed_at)
    values (${user}, 'flux-schnell', 'replicate', 'image', 'completed', ${sql.json(outputs)}, now()) returning id`;
  const [{ id: child } = { id: "" }] = await sql`
    insert into generations (user_id, model_id, provider, kind, status, input, parent_generation_id)
    values (${user}, 'fal-flux-kontext', 'fal', 'image', 'queued',
            ${sql.json({
              prompt: "again",
              image_urls: [
                `http://localhost:3000/api/files/${outputs[0]?.path}?exp=1&sig=x`,
                `http://localhost:3000/api/files/${uploadPath}?exp=1&sig=y`,
                "https://example.com/someone-elses.png",
              ],
            })},
            ${parent}) returning id`;

  await copyFile(path.join(MIGRATIONS_DIR, ASSETS_MIGRATION), path.join(dir, ASSETS_MIGRATION));
  expect(await migrate(sql, dir)).toContain(ASSETS_MIGRATION);

  const assets =
    await sql`select role, storage_path, mime, width, height, bytes::int, generation_id from assets order by role`;
  expect(assets).toEqual([
    {
      role: "input",
      storage_path: uploadPath,
      mime: "image/jpeg",
      width: 40,
      height: 30,
      bytes: 1234,
      generation_id: null,
    },
    {
      role: "output",
      storage_path: outputs[0]?.path,
      mime: "image/png",
      width: 64,
      height: 48,
      bytes: 999,
      generation_id: parent,
    },
    {
      role: "thumbnail",
      storage_path: outputs[0]?.thumb_path,
      mime: "image/webp",
      width: null,
      height: null,
      bytes: 0,
      generation_id: parent,
    },
  ]);
  const [row] = await sql<{ outputs: { asset_id: string; thumb_asset_id: string }[] }[]>`
    select outputs from generations where id = ${parent}`;
  const [output, thumb] = await sql<{ id: string }[]>`
    select id from assets where generation_id = ${parent} order by role`;
  expect(row?.outputs[0]).toMatchObject({ asset_id: output?.id, thumb_asset_id: thumb?.id });
  const edges = await sql`
    select gi.param, gi.position, gi.slot, a.storage_path from generation_inputs gi join assets a on a.id = gi.asset_id
    where gi.generation_id = ${child} order by gi.position`;
  expect(edges).toEqual([
    { param: "image_urls", position: 0, slot: "reference", storage_path: outputs[0]?.path },
    { param: "image_urls", position: 1, slot: "reference", storage_path: uploadPath },
  ]);
});
