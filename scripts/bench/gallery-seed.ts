// The gallery benchmark's data: one user with 20,000 generations (images and a tenth videos)
// in 200 sessions, with tags and stars, written straight into the database in one statement
// per table; every original and thumbnail is a hard link to one real file, so the zip and the
// browser read real bytes without 20,000 files' worth of disk. Beside it, as in a production
// table, other people's libraries of the same size and shape, made over the same hours, each
// with tags of its own: Postgres plans the user's list against statistics of the whole table.
import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Sql } from "postgres";
import sharp from "sharp";

const WORDS = [
  "lighthouse",
  "harbour",
  "forest",
  "portrait",
  "neon",
  "desert",
  "teapot",
  "castle",
  "glacier",
  "orchid",
  "robot",
  "lantern",
  "meadow",
  "skyline",
  "violin",
  "canyon",
  "koi",
  "nebula",
  "bicycle",
  "volcano",
];
export const SEARCH_WORD = "nebula";

export type Seeded = { userId: string; token: string; ids: string[]; tag: string; model: string };

async function files(dataDir: string, userId: string) {
  const folder = `users/${userId}/bench`;
  const dir = path.join(dataDir, "storage", folder);
  await mkdir(dir, { recursive: true });
  // An original of realistic size (≈ 1 MB of noise PNG would be slower to make; random JPEG-like bytes do).
  await writeFile(path.join(dir, "original.jpg"), randomBytes(512 * 1024));
  const thumb = await sharp({ create: { width: 512, height: 512, channels: 3, background: "#3b6ea5" } })
    .webp({ quality: 70 })
    .toBuffer();
  await writeFile(path.join(dir, "thumb.webp"), thumb);
  return { folder, dir };
}

/** How many other people's libraries share the table with the benchmark's user. */
const OTHER_LIBRARIES = 4;

export async function seedGallery(
  sql: Sql,
  dataDir: string,
  rows: number,
  linkFiles: number,
): Promise<Seeded> {
  const [user] = await sql<
    { id: string }[]
  >`insert into profiles (email) values ('gallery@example.com') returning id`;
  const userId = user?.id as string;
  const { folder, dir } = await files(dataDir, userId);
  for (let i = 0; i < linkFiles; i++) {
    await link(path.join(dir, "original.jpg"), path.join(dir, `${i}.jpg`));
    await link(path.join(dir, "thumb.webp"), path.join(dir, `${i}.webp`));
  }
  const sessions = await sql<{ id: string }[]>`
    insert into workspaces (user_id, title) select ${userId}, 'Session ' || n from generate_series(1, 200) n returning id`;
  const ids = await sql.begin(async (tx) => {
    await tx`select set_config('atelier.bulk_update', 'on', true)`;
    const inserted = await tx<{ id: string }[]>`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, outputs, starred, tags,
                               workspace_id, created_at, completed_at)
      select ${userId},
             case when n % 10 = 0 then 'veo-3-fast' when n % 3 = 0 then 'flux-dev-fal' else 'flux-schnell' end,
             case when n % 10 = 0 then 'google' when n % 3 = 0 then 'fal' else 'replicate' end,
             case when n % 10 = 0 then 'video' else 'image' end,
             'completed', jsonb_build_object('prompt', p.prompt, 'seed', n), p.prompt,
             jsonb_build_array(jsonb_build_object(
               'path', ${folder} || '/' || (n % ${linkFiles}) || '.jpg',
               'thumb_path', ${folder} || '/' || (n % ${linkFiles}) || '.webp',
               'mime', 'image/jpeg', 'width', 1024, 'height', 1024, 'bytes', 524288)),
             n % 20 = 0,
             case when n % 7 = 0 then array['portfolio'] when n % 11 = 0 then array['draft', 'sea'] else '{}' end,
             (${sessions.map((s) => s.id)}::uuid[])[1 + n % 200],
             now() - make_interval(secs => n * 60), now() - make_interval(secs => n * 60)
      from generate_series(1, ${rows}) n,
      lateral (select 'a ' || (${WORDS}::text[])[1 + (n * 7) % 20] || ' with a ' || (${WORDS}::text[])[1 + (n * 13) % 20]
                      || ' at dusk, study ' || n as prompt) p
      returning id`;
    await tx`update profiles set generations_version = generations_version + 1 where id = ${userId}`;
    for (let other = 1; other <= OTHER_LIBRARIES; other++)
      await tx`
        with person as (insert into profiles (email) values (${`other${other}@example.com`}) returning id)
        insert into generations (user_id, model_id, provider, kind, status, input, prompt, outputs, starred,
                                 tags, created_at, completed_at)
        select person.id, model_id, provider, kind, status, input, prompt, outputs, starred,
               array(select ${`other${other}-`} || tag from unnest(tags) tag), created_at, completed_at
        from generations, person where user_id = ${userId}`;
    return inserted.map((row) => row.id);
  });
  // As autovacuum leaves a table: statistics, and the GIN indexes' lists of new entries merged
  // (a bitmap scan reads an unmerged list whole).
  await sql`vacuum analyze generations`;
  await sql`vacuum analyze generation_tags`;
  await sql`analyze workspaces`;
  const token = randomBytes(32).toString("base64url");
  await sql`insert into sessions (user_id, token_hash, expires_at)
    values (${userId}, ${createHash("sha256").update(token).digest("hex")}, now() + interval '1 day')`;
  return { userId, token, ids, tag: "portfolio", model: "flux-schnell" };
}
