-- Durable jobs (graphile-worker; its schema `graphile_worker` is installed by the migration
-- runner, lib/db/migrate.ts, before these files). Jobs are enqueued with
-- graphile_worker.add_job() in the same transaction as the change that causes them.

-- Worker pools that are alive: each pool records a heartbeat every few seconds, and a job
-- locked by a pool that went quiet is unlocked for another (lib/jobs/pools.ts).
create table public.job_worker_pools (
  id text primary key,
  label text not null,
  host text,
  pid integer,
  started_at timestamptz not null default now(),
  seen_at timestamptz not null default now()
);
alter table public.job_worker_pools enable row level security;

-- A generation that ends (completed, failed, canceled) gets its `generation.ended` job in the
-- statement that ends it: hooks (the owner's notification, later a flow's next step) can be
-- late, never lost. The refund stays in generations_refund_on_end, in the same statement too.
create function public.enqueue_generation_ended() returns trigger
language plpgsql as $$
begin
  perform graphile_worker.add_job(
    'generation.ended',
    json_build_object('generationId', new.id, 'status', new.status),
    max_attempts => 5);
  return null;
end $$;

create trigger generations_enqueue_ended after update of status on public.generations
  for each row
  when (old.status in ('queued', 'processing') and new.status in ('completed', 'failed', 'canceled'))
  execute function public.enqueue_generation_ended();

-- Work in flight when this runs moves onto the queue: deliveries not yet processed, and
-- generations never handed to their provider.
select graphile_worker.add_job('webhook.process', json_build_object('eventId', id), max_attempts => 8)
from public.webhook_events where processed_at is null;

select graphile_worker.add_job(
  'generation.submit', json_build_object('generationId', id),
  max_attempts => 5, job_key => 'generation.submit:' || id)
from public.generations where status = 'queued' and provider_job_id is null;
