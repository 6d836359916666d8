-- Flow runs in Supabase Realtime (the live channel where the server cannot LISTEN): the editor's
-- and the simple form's run views refetch a run when its row changes. Every change of a run's
-- nodes also bumps the run's `revision` (lib/flows/advance-run.ts, cancel-run.ts, finish-run.ts),
-- so the run row alone carries them: flow_run_nodes has no owner column to filter on, and its
-- policy needs a join that Realtime would run for every subscriber on every change.
-- Browsers subscribe with user_id=eq.<id>, checked against "flow_runs: read own".
--
-- Plain Postgres (the embedded default, a VPS) has no such publication: then this is a no-op.
do $$
declare
  pub record;
begin
  select puballtables into pub from pg_publication where pubname = 'supabase_realtime';
  if not found or pub.puballtables then
    return;
  end if;
  if not exists (
    select 1 from pg_publication_tables
    where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'flow_runs'
  ) then
    alter publication supabase_realtime add table public.flow_runs;
  end if;
end $$;
