-- What a provider reports about a job that is still running, so people see it move instead of
-- "Queued" until the end (lib/generations/lifecycle.ts recordProgress is the only writer):
--   provider_status  queued | starting | processing, the latest the provider said
--   started_at       when the provider said the run began (processing): the elapsed time's origin
--   progress         0–1, read from the provider's logs (tqdm lines) when it gives one
--   latest_log       the last line of the provider's logs, short
--   log_position     how far into the provider's log (cumulative: characters for Replicate,
--                    entries for fal) the recorded report reached; a report with less is older
--                    than what is recorded and changes nothing
alter table public.generations
  add column provider_status text check (provider_status in ('queued', 'starting', 'processing')),
  add column started_at timestamptz,
  add column progress real check (progress >= 0 and progress <= 1),
  add column latest_log text check (char_length(latest_log) <= 300),
  add column log_position integer not null default 0 check (log_position >= 0);

-- The change feed (20261130129000_live_change_feed.sql) announces new statuses, outputs and
-- errors; a running job's progress is shown too, so it is announced as well. Only when that
-- trigger stays silent (same status, outputs and error), so one change is never announced twice.
create function public.notify_generation_progress() returns trigger
language plpgsql as $$
begin
  perform pg_notify('atelier_live', json_build_object(
    'user_id', new.user_id,
    'type', 'generation',
    'id', new.id,
    'status', new.status,
    'deleted', false)::text);
  return null;
end $$;

create trigger generations_notify_progress
  after update of provider_status, started_at, progress, latest_log on public.generations
  for each row
  when (old.status is not distinct from new.status
        and old.outputs is not distinct from new.outputs
        and old.error is not distinct from new.error
        and (old.provider_status, old.started_at, old.progress, old.latest_log)
            is distinct from (new.provider_status, new.started_at, new.progress, new.latest_log))
  execute function public.notify_generation_progress();
