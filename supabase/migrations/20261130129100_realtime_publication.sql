-- Supabase Realtime (the live channel on Vercel, where no server process can hold a LISTEN
-- connection) streams a table's changes only when the table is in the `supabase_realtime`
-- publication. Browsers subscribe to their own generations (filter user_id=eq.<id>) and their
-- own profile row (id=eq.<id>, for the credit balance), checked against the existing
-- "read own" policies with the user's JWT.
--
-- Replica identity stays the default (primary key): Realtime filters INSERT and UPDATE on the
-- new row, which carries every column; only DELETE would need the old row, and deletes are
-- not subscribed to (RLS cannot be checked on a deleted row, so they are not filterable).
--
-- Plain Postgres (the embedded default, a VPS) has no such publication: then this is a no-op.
-- Safe to run again: a table already published, or a publication FOR ALL TABLES, is left alone.
do $$
declare
  pub record;
  tbl text;
begin
  select puballtables into pub from pg_publication where pubname = 'supabase_realtime';
  if not found or pub.puballtables then
    return;
  end if;
  foreach tbl in array array['generations', 'profiles'] loop
    if not exists (
      select 1 from pg_publication_tables
      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = tbl
    ) then
      execute format('alter publication supabase_realtime add table public.%I', tbl);
    end if;
  end loop;
end $$;
