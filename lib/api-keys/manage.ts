import "server-only";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
// A person's own API keys: create (the key is returned this once), list, revoke.
import { generateApiKey } from "@/lib/api-keys/secret";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Live keys one person may hold; revoked ones do not count. */
export const MAX_ACTIVE_KEYS = 20;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

export async function createApiKey(
  userId: string,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ id: string; key: string }> {
  const material = generateApiKey();
  const scopes = [...new Set(input.scopes)];
  return sql.begin(async (tx) => {
    // The profile row lock serialises one person's creates, so the count holds.
    await tx`select id from profiles where id = ${userId} for update`;
    const [count] = await tx<{ n: number }[]>`
      select count(*)::int as n from api_keys where user_id = ${userId} and revoked_at is null`;
    if ((count?.n ?? 0) >= MAX_ACTIVE_KEYS)
      throw new AppError(
        "conflict",
        `You already have ${MAX_ACTIVE_KEYS} keys. Revoke one you no longer use.`,
      );
    const [row] = await tx<{ id: string }[]>`
      insert into api_keys (user_id, name, prefix, key_hash, scopes)
      values (${userId}, ${input.name}, ${material.prefix}, ${material.hash}, ${scopes})
      returning id`;
    if (!row) throw new Error("api key insert returned no row");
    return { id: row.id, key: material.key };
  });
}

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return sql<ApiKeySummary[]>`
    select id, name, prefix, scopes, created_at, last_used_at, revoked_at
    from api_keys where user_id = ${userId}
    order by revoked_at is not null, created_at desc`;
}

/** Revokes the caller's key at once; another person's key is not found. */
export async function revokeApiKey(userId: string, id: string): Promise<void> {
  const rows = await sql`
    update api_keys set revoked_at = coalesce(revoked_at, now())
    where id = ${id} and user_id = ${userId} returning id`;
  if (rows.length === 0) throw new AppError("not_found", "No such API key.");
}
