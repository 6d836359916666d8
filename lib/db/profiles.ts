import "server-only";
import type { TransactionSql } from "postgres";
import type { AuthUser, Role } from "@/lib/auth/types";
import { grantStartingCredits } from "@/lib/credits/starting-grant";
import { sql } from "@/lib/db/client";
import { env } from "@/lib/env";

export type ProfileRow = {
  id: string;
  email: string | null;
  role: Role;
  credits: number;
  status: "active" | "banned";
  telegram_id: string | null;
  display_name: string | null;
  generations_version: string;
};

export function toAuthUser(row: ProfileRow): AuthUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    credits: row.credits,
    status: row.status,
    telegramId: row.telegram_id === null ? null : String(row.telegram_id),
    displayName: row.display_name,
    generationsVersion: row.generations_version,
  };
}

export const PROFILE_COLUMNS = sql`profiles.id, profiles.email, profiles.role, profiles.credits, profiles.status, profiles.telegram_id::text, profiles.display_name, profiles.generations_version::text`;

export async function getProfile(id: string): Promise<AuthUser | null> {
  const [row] = await sql<ProfileRow[]>`select ${PROFILE_COLUMNS} from profiles where id = ${id}`;
  return row ? toAuthUser(row) : null;
}

function isListedAdmin(email: string | null): boolean {
  return email !== null && env.ADMIN_EMAILS.includes(email.toLowerCase());
}

/**
 * ADMIN_EMAILS applies to every session, not only to a profile's first sign-in: an address
 * added to the list (which takes a restart) promotes an existing profile on its next request.
 * Free unless a promotion is due: the check runs on the profile already read.
 */
export async function promoteListedAdmin(user: AuthUser): Promise<AuthUser> {
  if (user.role !== "user" || !isListedAdmin(user.email)) return user;
  const [row] = await sql<ProfileRow[]>`
    update profiles set role = 'admin', updated_at = now() where id = ${user.id} and role = 'user'
    returning ${PROFILE_COLUMNS}`;
  return row ? toAuthUser(row) : user;
}

/** The profile holding a Telegram account, if any. */
export async function profileIdByTelegram(telegramId: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`select id from profiles where telegram_id = ${telegramId}`;
  return row?.id ?? null;
}

/** Records a verified Telegram account on a profile that has none, unless another profile holds it. */
export async function recordTelegramId(userId: string, telegramId: string): Promise<AuthUser | null> {
  try {
    const [row] = await sql<ProfileRow[]>`
      update profiles set telegram_id = ${telegramId}, updated_at = now()
      where id = ${userId} and telegram_id is null
        and not exists (select 1 from profiles other where other.telegram_id = ${telegramId})
      returning ${PROFILE_COLUMNS}`;
    return row ? toAuthUser(row) : null;
  } catch (error) {
    // A concurrent sign-in recorded it on another profile a moment ago.
    if ((error as { code?: string }).code === "23505") return null;
    throw error;
  }
}

/** Finds or creates the profile for a verified email; ADMIN_EMAILS promotes users (never demotes). */
export async function upsertProfileByEmail(email: string, id?: string): Promise<AuthUser> {
  const normalized = email.toLowerCase();
  const promote = isListedAdmin(normalized);
  return sql.begin(async (tx) => {
    const [row] = await tx<(ProfileRow & { inserted: boolean })[]>`
      insert into profiles (id, email, role)
      values (coalesce(${id ?? null}::uuid, gen_random_uuid()), ${normalized}, ${promote ? "admin" : "user"})
      on conflict (email) where email is not null do update
        set role = case when ${promote} and profiles.role = 'user' then 'admin' else profiles.role end,
            updated_at = now()
      returning ${PROFILE_COLUMNS}, (xmax = 0) as inserted`;
    if (!row) throw new Error("profile upsert returned no row");
    if (!row.inserted) return toAuthUser(row);
    await grantStartingCredits(tx, row.id);
    return (await reloadProfile(tx, row.id)) as AuthUser;
  });
}

async function reloadProfile(tx: TransactionSql, id: string): Promise<AuthUser | null> {
  const [row] = await tx<ProfileRow[]>`select ${PROFILE_COLUMNS} from profiles where id = ${id}`;
  return row ? toAuthUser(row) : null;
}

/** Inserts a profile (id given or generated) and grants its starting credits, in one transaction. */
export async function insertProfile(
  tx: TransactionSql,
  fields: {
    id?: string | null;
    telegramId?: string | null;
    displayName?: string | null;
    avatarUrl?: string | null;
  },
): Promise<AuthUser> {
  const [created] = await tx<ProfileRow[]>`
    insert into profiles (id, telegram_id, display_name, avatar_url)
    values (coalesce(${fields.id ?? null}::uuid, gen_random_uuid()), ${fields.telegramId ?? null},
            ${fields.displayName ?? null}, ${fields.avatarUrl ?? null})
    returning ${PROFILE_COLUMNS}`;
  if (!created) throw new Error("profile insert returned no row");
  await grantStartingCredits(tx, created.id);
  return (await reloadProfile(tx, created.id)) as AuthUser;
}

/** Links a verified Telegram account: the signed-in profile if any, else the profile with that id, else a new one. */
export async function upsertProfileByTelegram(input: {
  telegramId: string;
  displayName: string | null;
  avatarUrl: string | null;
  currentUserId: string | null;
  id?: string;
}): Promise<AuthUser> {
  return sql.begin(async (tx) => {
    const [owner] = await tx<ProfileRow[]>`
      select ${PROFILE_COLUMNS} from profiles where telegram_id = ${input.telegramId} for update`;
    if (owner) return toAuthUser(owner);
    if (input.currentUserId) {
      const [linked] = await tx<ProfileRow[]>`
        update profiles set telegram_id = ${input.telegramId},
          display_name = coalesce(display_name, ${input.displayName}), updated_at = now()
        where id = ${input.currentUserId} returning ${PROFILE_COLUMNS}`;
      if (linked) return toAuthUser(linked);
    }
    return insertProfile(tx, {
      id: input.id,
      telegramId: input.telegramId,
      displayName: input.displayName,
      avatarUrl: input.avatarUrl,
    });
  });
}

export async function setRole(email: string, role: Role): Promise<AuthUser | null> {
  const [row] = await sql<ProfileRow[]>`
    update profiles set role = ${role}, updated_at = now() where email = ${email.toLowerCase()}
    returning ${PROFILE_COLUMNS}`;
  return row ? toAuthUser(row) : null;
}
