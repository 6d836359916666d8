-- Nothing in public is meant for the Supabase Data API (PostgREST) beyond what the read-own
-- policies allow: the server reads and writes through its own connection, the browser only
-- talks to Supabase Auth. Supabase projects created before the Data API change grant anon,
-- authenticated and service_role every privilege on each new public table, so the public key
-- alone could read and write schema_migrations and could call our functions. Here: row level
-- security on every table, no privilege at all for anon, for authenticated only what its
-- policies need, and no default grants for what later migrations create. lib/db/migrate.ts
-- locks schema_migrations itself as it creates it, for databases migrated from scratch.

do $$
declare
  relation regclass;
begin
  for relation in
    select c.oid::regclass from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
  loop
    execute format('revoke all on %s from anon, authenticated', relation);
  end loop;
  for relation in
    select c.oid::regclass from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
  loop
    execute format('alter table %s enable row level security', relation);
  end loop;
end $$;

revoke all on all sequences in schema public from anon, authenticated;
revoke all on all functions in schema public from anon, authenticated, public;

-- What the read-own policies need (their tables' migrations grant the same).
grant select on public.profiles, public.sessions, public.generations, public.credit_ledger,
  public.notifications to authenticated;
grant update (display_name, avatar_url) on public.profiles to authenticated;

-- Objects later migrations create get no Data API grants unless they ask for them.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
alter default privileges revoke execute on functions from public;
