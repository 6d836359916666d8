// What a Supabase project's database has before any migration of ours runs, for tests that
// must see what Supabase mode sees: the API roles, an `auth.users` table (so profiles get
// their foreign key to it, with its cascade), Supabase's auth.uid(), and the default
// privileges a project created before the Data API change (supabase.com/changelog 45329) still
// has: anon, authenticated and service_role get every privilege on whatever the `postgres`
// role creates in `public`. Only the parts our schema touches; nothing else of Supabase's.
import type { Sql } from "postgres";

export const SUPABASE_SHAPE_SQL = `
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
end $$;

create schema if not exists auth;

create table if not exists auth.users (
  id uuid primary key,
  email varchar(255),
  email_confirmed_at timestamptz,
  raw_app_meta_data jsonb not null default '{}',
  raw_user_meta_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create or replace function auth.uid() returns uuid language sql stable as $fn$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$fn$;

grant usage on schema public to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
`;

/** Gives a fresh database Supabase's pre-migration shape (run as the `postgres` role). */
export async function shapeLikeSupabase(sql: Sql): Promise<void> {
  await sql.unsafe(SUPABASE_SHAPE_SQL);
}
