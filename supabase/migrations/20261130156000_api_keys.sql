-- Personal API keys: a person's scripts call the API with `Authorization: Bearer <key>`.
-- Only a keyed hash of each key is stored (lib/api-keys/secret.ts); the key itself is shown
-- once, at creation. Revoking keeps the row, so usage and generations stay attributed.
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  -- The key's first characters, shown in lists so a person can tell keys apart.
  prefix text not null,
  key_hash text not null unique,
  scopes text[] not null
    check (cardinality(scopes) > 0 and scopes <@ array['generate', 'read', 'flows:run']::text[]),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  -- The per-key rate limit: a fixed one-minute window, counted by the request's own update.
  window_started_at timestamptz not null default now(),
  window_requests integer not null default 0
);
create index api_keys_user_idx on public.api_keys (user_id, created_at desc);
alter table public.api_keys enable row level security;

-- Requests per key and UTC day (Admin → Usage); `limited` counts those refused by the rate limit.
create table public.api_key_usage (
  key_id uuid not null references public.api_keys (id) on delete cascade,
  day date not null,
  requests integer not null default 0,
  limited integer not null default 0,
  primary key (key_id, day)
);
alter table public.api_key_usage enable row level security;

-- Which key created a generation (null: the browser session), for usage per key.
alter table public.generations
  add column api_key_id uuid references public.api_keys (id) on delete set null;
create index generations_api_key_idx on public.generations (api_key_id, created_at)
  where api_key_id is not null;
