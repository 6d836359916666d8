-- Outbound webhooks: people register endpoint URLs for event types; each event is delivered
-- to every subscribed endpoint, signed per the Standard Webhooks spec, by the job queue, and
-- retried with backoff for about a day (lib/outbound-webhooks/*).
create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  url text not null check (char_length(url) <= 2000),
  events text[] not null check (cardinality(events) > 0),
  -- The signing secret (whsec_…), sealed with ENCRYPTION_SECRET (lib/crypto/secret-box.ts).
  secret_ciphertext text not null,
  created_at timestamptz not null default now()
);
create index webhook_endpoints_user_idx on public.webhook_endpoints (user_id, created_at);
alter table public.webhook_endpoints enable row level security;

-- One row per event: its id is the `webhook-id` every delivery of it carries, so receivers
-- can deduplicate; `dedupe_key` makes an event recorded twice (a retried hook) one event.
create table public.outbound_events (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  type text not null,
  dedupe_key text unique,
  data jsonb not null,
  created_at timestamptz not null default now()
);
create index outbound_events_user_idx on public.outbound_events (user_id, created_at);
alter table public.outbound_events enable row level security;

create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
  event_id uuid not null references public.outbound_events (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz default now(),
  last_attempt_at timestamptz,
  last_status_code integer,
  last_latency_ms integer,
  last_error text,
  created_at timestamptz not null default now(),
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_endpoint_idx on public.webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_event_idx on public.webhook_deliveries (event_id);
alter table public.webhook_deliveries enable row level security;

-- Every attempt, for the delivery log: when, how long, what the receiver answered.
create table public.webhook_delivery_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references public.webhook_deliveries (id) on delete cascade,
  attempt integer not null,
  manual boolean not null default false,
  started_at timestamptz not null default now(),
  status_code integer,
  latency_ms integer,
  error text
);
create index webhook_delivery_attempts_delivery_idx on public.webhook_delivery_attempts (delivery_id, id);
alter table public.webhook_delivery_attempts enable row level security;
