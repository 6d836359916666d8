-- Generations and the webhook events that drive them.

create table public.generations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  model_id text not null,
  provider text not null check (provider in ('replicate', 'fal', 'google')),
  kind text not null check (kind in ('image', 'video', 'text')),
  status text not null default 'queued'
    check (status in ('queued', 'processing', 'completed', 'failed', 'canceled')),
  input jsonb not null default '{}'::jsonb,
  prompt text,
  provider_job_id text,
  provider_token_id uuid,
  outputs jsonb not null default '[]'::jsonb check (jsonb_typeof(outputs) = 'array'),
  error text,
  cost integer not null default 0 check (cost >= 0),
  parent_generation_id uuid references public.generations (id) on delete set null,
  workspace_id uuid,
  flow_run_id uuid,
  node_id text,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint generations_terminal_has_time check (
    (status in ('completed', 'failed', 'canceled')) = (completed_at is not null)
  )
);

-- The history list: newest first per user, keyset-paginated on (created_at, id).
create index generations_user_created_idx on public.generations (user_id, created_at desc, id desc);
-- Active jobs: the per-user limit, the reconciler and the "anything active?" poll.
create index generations_active_idx on public.generations (user_id, created_at)
  where status in ('queued', 'processing');
create unique index generations_provider_job_key on public.generations (provider, provider_job_id)
  where provider_job_id is not null;

alter table public.generations enable row level security;
create policy "generations: read own" on public.generations
  for select to authenticated using (user_id = auth.uid());
grant select on public.generations to authenticated;

-- Webhook events: the idempotency and recovery record. A delivery is stored once per
-- (provider, event_id); processing is retried by the reconciler until processed_at is set.
create table public.webhook_events (
  id uuid primary key default gen_random_uuid(),
  provider text not null,
  event_id text not null,
  generation_id uuid references public.generations (id) on delete cascade,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  unique (provider, event_id)
);

create index webhook_events_unprocessed_idx on public.webhook_events (received_at) where processed_at is null;
alter table public.webhook_events enable row level security;

-- A per-user counter bumped on every change to that user's generations: the list's ETag,
-- so an unchanged list is answered 304 from one primary-key read.
alter table public.profiles add column generations_version bigint not null default 0;

create function public.bump_generations_version() returns trigger
language plpgsql as $$
begin
  update public.profiles set generations_version = generations_version + 1
  where id = coalesce(new.user_id, old.user_id);
  return null;
end $$;

create trigger generations_bump_version
  after insert or update or delete on public.generations
  for each row execute function public.bump_generations_version();
