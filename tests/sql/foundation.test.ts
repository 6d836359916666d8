import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let db: TestDatabase;
let alice: string;
let bob: string;

beforeAll(async () => {
  db = await createTestDatabase();
  [{ id: alice }] = await db.sql`insert into profiles (email) values ('alice@example.com') returning id`;
  [{ id: bob }] = await db.sql`insert into profiles (email) values ('bob@example.com') returning id`;
  await db.sql`insert into sessions (user_id, token_hash, expires_at) values
    (${alice}, 'hash-a', now() + interval '1 day'), (${bob}, 'hash-b', now() + interval '1 day')`;
  await db.sql`insert into otp_codes (email, code_hash, expires_at) values ('alice@example.com', 'x', now())`;
  await db.sql`insert into mail_outbox (to_email, subject, text_body) values ('alice@example.com', 's', 't')`;
});
afterAll(() => db?.drop());

/** Runs `fn` the way Supabase runs a signed-in user's query: role authenticated, JWT sub set. */
async function asUser<T>(userId: string | null, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return db.sql.begin(async (tx) => {
    await tx.unsafe(`set local role ${userId ? "authenticated" : "anon"}`);
    if (userId) await tx`select set_config('request.jwt.claim.sub', ${userId}, true)`;
    return fn(tx as unknown as Sql);
  }) as Promise<T>;
}

const rejects = async (query: Promise<unknown>, pattern: RegExp) => {
  await expect(query).rejects.toThrow(pattern);
};

describe("profiles constraints", () => {
  it("allows only the three roles", async () => {
    await rejects(db.sql`update profiles set role = 'owner' where id = ${alice}`, /profiles_role_check/);
  });
  it("never lets credits go negative", async () => {
    await rejects(db.sql`update profiles set credits = -1 where id = ${alice}`, /profiles_credits_check/);
  });
  it("keeps emails unique and lower-case", async () => {
    await rejects(db.sql`insert into profiles (email) values ('alice@example.com')`, /profiles_email_key/);
    await rejects(
      db.sql`insert into profiles (email) values ('Carol@example.com')`,
      /profiles_email_lowercase/,
    );
  });
  it("links a Telegram account to at most one profile", async () => {
    await db.sql`update profiles set telegram_id = 42 where id = ${alice}`;
    await rejects(db.sql`update profiles set telegram_id = 42 where id = ${bob}`, /profiles_telegram_id_key/);
  });
});

describe("row level security", () => {
  it("shows a signed-in user only their own profile and sessions", async () => {
    const profiles = await asUser(alice, (tx) => tx`select id from profiles`);
    expect(profiles.map((r) => r.id)).toEqual([alice]);
    const sessions = await asUser(alice, (tx) => tx`select user_id from sessions`);
    expect(sessions.map((r) => r.user_id)).toEqual([alice]);
  });

  it("lets a user edit their display name but not their role, credits or status", async () => {
    const updated = await asUser(
      alice,
      (tx) => tx`update profiles set display_name = 'Al' where id = ${alice} returning id`,
    );
    expect(updated).toHaveLength(1);
    await rejects(
      asUser(alice, (tx) => tx`update profiles set role = 'admin' where id = ${alice}`),
      /permission denied/,
    );
    await rejects(
      asUser(alice, (tx) => tx`update profiles set credits = 1000000 where id = ${alice}`),
      /permission denied/,
    );
    await rejects(
      asUser(alice, (tx) => tx`update profiles set status = 'active' where id = ${alice}`),
      /permission denied/,
    );
  });

  it("does not let a user touch someone else's profile", async () => {
    const updated = await asUser(
      alice,
      (tx) => tx`update profiles set display_name = 'pwned' where id = ${bob} returning id`,
    );
    expect(updated).toHaveLength(0);
    const [row] = await db.sql`select display_name from profiles where id = ${bob}`;
    expect(row?.display_name).toBeNull();
  });

  it("hides sign-in codes and the outbox from users, and everything from anonymous callers", async () => {
    await rejects(
      asUser(alice, (tx) => tx`select * from otp_codes`),
      /permission denied/,
    );
    await rejects(
      asUser(alice, (tx) => tx`select * from mail_outbox`),
      /permission denied/,
    );
    await rejects(
      asUser(null, (tx) => tx`select * from profiles`),
      /permission denied/,
    );
  });
});

describe("migrations", () => {
  it("are recorded and applying them again changes nothing", async () => {
    const before = await db.sql`select name from schema_migrations order by name`;
    expect(before.length).toBeGreaterThan(0);
    expect(await migrate(db.sql)).toEqual([]);
  });
});
