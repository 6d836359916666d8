-- A run started through the API may name a `webhook_url`: one signed delivery of the run's end
-- (`flow_run.completed` or `flow_run.failed`) to that URL, besides the owner's endpoints. Its
-- secret is made for the run, returned once in the 202 answer and kept sealed here
-- (lib/outbound-webhooks/run-webhook.ts); the delivery is sent and retried by the job queue on
-- the endpoints' backoff.
create table public.flow_run_webhooks (
  run_id uuid primary key references public.flow_runs (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- The `webhook-id` of the delivery: the same on every retry, so a receiver can deduplicate.
  message_id uuid not null default gen_random_uuid() unique,
  url text not null check (char_length(url) <= 2048),
  secret_ciphertext text not null,
  -- `waiting` until the run ends; a canceled run sends nothing (`skipped`).
  status text not null default 'waiting'
    check (status in ('waiting', 'pending', 'succeeded', 'failed', 'skipped')),
  event_type text check (event_type in ('flow_run.completed', 'flow_run.failed')),
  data jsonb,
  event_at timestamptz,
  attempts integer not null default 0,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null default now(),
  constraint flow_run_webhooks_event_when_sent check (status in ('waiting', 'skipped') or event_type is not null)
);
create index flow_run_webhooks_user_idx on public.flow_run_webhooks (user_id, created_at);
-- Server-side only: no policy, so the Data API's roles read nothing.
alter table public.flow_run_webhooks enable row level security;
