import "server-only";
// The provider key pool. The sealed secret only leaves this module through the queries the
// pool itself uses; listings and the audit log never carry it.
import { type Actor, assertSuperAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import type { ProviderId } from "@/lib/models-config";

/** A key as admins see it: everything but the secret. */
export type ProviderTokenInfo = {
  id: string;
  provider: ProviderId;
  label: string;
  secret_hint: string;
  active: boolean;
  disabled_reason: string | null;
  request_count: number;
  error_count: number;
  last_used_at: Date | null;
  last_error: string | null;
  cooldown_until: Date | null;
  created_at: Date;
};

/** A key with its sealed secret, for the pool. */
export type SealedToken = { id: string; provider: ProviderId; secret_ciphertext: string; active: boolean };

const INFO_COLUMNS = sql`id, provider, label, secret_hint, active, disabled_reason,
  request_count::float8 as request_count, error_count::float8 as error_count,
  last_used_at, last_error, cooldown_until, created_at`;

/** What the audit log keeps of a key: its identity and state, never the secret. */
function auditView(row: ProviderTokenInfo) {
  return {
    provider: row.provider,
    label: row.label,
    secret_hint: row.secret_hint,
    active: row.active,
    disabled_reason: row.disabled_reason,
    cooldown_until: row.cooldown_until,
  };
}

export async function listProviderTokens(actor: Actor): Promise<ProviderTokenInfo[]> {
  assertSuperAdmin(actor);
  return sql<ProviderTokenInfo[]>`select ${INFO_COLUMNS} from provider_tokens order by provider, created_at`;
}

export async function insertProviderToken(args: {
  id: string;
  provider: ProviderId;
  label: string;
  sealedSecret: string;
  secretHint: string;
  actor: Actor;
}): Promise<ProviderTokenInfo> {
  assertSuperAdmin(args.actor);
  return sql.begin(async (tx) => {
    const [row] = await tx<ProviderTokenInfo[]>`
      insert into provider_tokens (id, provider, label, secret_ciphertext, secret_hint, created_by)
      values (${args.id}, ${args.provider}, ${args.label}, ${args.sealedSecret}, ${args.secretHint}, ${args.actor.id})
      returning ${INFO_COLUMNS}`;
    if (!row) throw new Error("provider token insert returned no row");
    await recordAudit(tx, {
      actorId: args.actor.id,
      action: "key.add",
      targetType: "provider_token",
      targetId: row.id,
      after: auditView(row),
    });
    return row;
  });
}

/** Enables/disables or renames a key; enabling clears the reason it was disabled and any cooldown. */
export async function updateProviderToken(
  id: string,
  change: { active?: boolean; label?: string },
  actor: Actor,
): Promise<ProviderTokenInfo | null> {
  assertSuperAdmin(actor);
  return sql.begin(async (tx) => {
    const [before] = await tx<ProviderTokenInfo[]>`
      select ${INFO_COLUMNS} from provider_tokens where id = ${id} for update`;
    if (!before) return null;
    const enabling = change.active === true;
    const disabling = change.active === false && before.active;
    const [after] = await tx<ProviderTokenInfo[]>`
      update provider_tokens set
        label = coalesce(${change.label ?? null}, label),
        active = coalesce(${change.active ?? null}, active),
        disabled_reason = case when ${enabling} then null
                               when ${disabling} then 'disabled by an admin'
                               else disabled_reason end,
        cooldown_until = case when ${enabling} then null else cooldown_until end
      where id = ${id}
      returning ${INFO_COLUMNS}`;
    if (!after) return null;
    await recordAudit(tx, {
      actorId: actor.id,
      action: change.active === undefined ? "key.update" : change.active ? "key.enable" : "key.disable",
      targetType: "provider_token",
      targetId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function deleteProviderToken(id: string, actor: Actor): Promise<boolean> {
  assertSuperAdmin(actor);
  return sql.begin(async (tx) => {
    const [before] = await tx<ProviderTokenInfo[]>`
      delete from provider_tokens where id = ${id} returning ${INFO_COLUMNS}`;
    if (!before) return false;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "key.delete",
      targetType: "provider_token",
      targetId: id,
      before: auditView(before),
    });
    return true;
  });
}

/**
 * Round robin in SQL (pick_provider_token): bumps request_count and last_used_at. `exclude`
 * holds keys the caller has already tried for this job.
 */
export async function pickProviderToken(
  provider: ProviderId,
  exclude: readonly string[] = [],
): Promise<SealedToken | null> {
  const [row] = await sql<SealedToken[]>`
    select id, provider, secret_ciphertext, active
    from pick_provider_token(${provider}, ${exclude as string[]}::uuid[])`;
  return row ?? null;
}

export async function getSealedToken(id: string): Promise<SealedToken | null> {
  const [row] = await sql<SealedToken[]>`
    select id, provider, secret_ciphertext, active from provider_tokens where id = ${id}`;
  return row ?? null;
}

export async function sealedTokensFor(provider: ProviderId): Promise<SealedToken[]> {
  return sql<SealedToken[]>`
    select id, provider, secret_ciphertext, active from provider_tokens
    where provider = ${provider} order by created_at`;
}

export async function hasProviderTokens(provider: ProviderId): Promise<boolean> {
  const [row] = await sql<{ exists: boolean }[]>`
    select exists (select 1 from provider_tokens where provider = ${provider}) as exists`;
  return row?.exists ?? false;
}

export async function markTokenRejected(id: string, reason: string): Promise<void> {
  await sql`
    update provider_tokens set active = false, disabled_reason = ${reason.slice(0, 500)},
      error_count = error_count + 1, last_error = ${reason.slice(0, 500)}
    where id = ${id}`;
}

export async function markTokenRateLimited(
  id: string,
  cooldownSeconds: number,
  reason: string,
): Promise<void> {
  await sql`
    update provider_tokens set
      cooldown_until = greatest(coalesce(cooldown_until, now()), now() + make_interval(secs => ${cooldownSeconds})),
      error_count = error_count + 1, last_error = ${reason.slice(0, 500)}
    where id = ${id}`;
}

export async function markTokenError(id: string, reason: string): Promise<void> {
  await sql`
    update provider_tokens set error_count = error_count + 1, last_error = ${reason.slice(0, 500)}
    where id = ${id}`;
}
