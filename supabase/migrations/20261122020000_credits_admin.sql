-- Credits and the ledger, admin overrides and settings, the provider key pool, notifications
-- and the audit log.

-- Settings: feature flags, system prompts and operational knobs, changed without a restart.
create table public.app_settings (
  key text primary key check (key ~ '^[a-z0-9_.-]+$'),
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
alter table public.app_settings enable row level security;

-- Credits ------------------------------------------------------------------------------
-- Every change of a balance is a ledger row; a trigger applies it to profiles.credits in the
-- same transaction, so the balance always equals the ledger sum and the credits >= 0 check
-- refuses any overdraw. One charge and one refund per generation at most.
create table public.credit_ledger (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  generation_id uuid references public.generations (id) on delete set null,
  delta integer not null check (delta <> 0),
  reason text not null check (reason in ('grant', 'charge', 'refund', 'admin_adjust', 'admin_refund')),
  note text,
  actor_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index credit_ledger_generation_reason_key on public.credit_ledger (generation_id, reason)
  where generation_id is not null;
create index credit_ledger_user_created_idx on public.credit_ledger (user_id, created_at desc);
alter table public.credit_ledger enable row level security;
create policy "credit_ledger: read own" on public.credit_ledger
  for select to authenticated using (user_id = auth.uid());
grant select on public.credit_ledger to authenticated;

create function public.apply_ledger_entry() returns trigger
language plpgsql as $$
begin
  update public.profiles set credits = credits + new.delta, updated_at = now() where id = new.user_id;
  return null;
end $$;

create trigger credit_ledger_apply after insert on public.credit_ledger
  for each row execute function public.apply_ledger_entry();

-- The ledger is append-only.
create function public.refuse_ledger_change() returns trigger
language plpgsql as $$
begin
  raise exception 'credit_ledger is append-only';
end $$;

create trigger credit_ledger_append_only before update or delete on public.credit_ledger
  for each row when (pg_trigger_depth() = 0) execute function public.refuse_ledger_change();

-- The receipt: what was estimated at create and what was finally charged.
alter table public.generations
  add column estimated_credits integer not null default 0 check (estimated_credits >= 0),
  add column charged_credits integer not null default 0 check (charged_credits >= 0);

-- A failed or canceled generation is refunded in the same statement that ends it, exactly
-- once however many times the failure is reported (the unique ledger key).
create function public.refund_ended_generation() returns trigger
language plpgsql as $$
begin
  if new.status in ('failed', 'canceled') and old.status in ('queued', 'processing') and new.charged_credits > 0 then
    insert into public.credit_ledger (user_id, generation_id, delta, reason, note)
    values (new.user_id, new.id, new.charged_credits, 'refund', 'automatic refund: ' || new.status)
    on conflict do nothing;
  end if;
  return null;
end $$;

create trigger generations_refund_on_end after update of status on public.generations
  for each row execute function public.refund_ended_generation();

-- Admin model overrides: the catalog in code stays the base ----------------------------
create table public.model_overrides (
  model_id text primary key,
  enabled boolean,
  price_credits integer check (price_credits >= 0),
  hourly_limit integer check (hourly_limit >= 0),
  daily_cap integer check (daily_cap >= 0),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
alter table public.model_overrides enable row level security;

-- Provider key pool --------------------------------------------------------------------
create table public.provider_tokens (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('replicate', 'fal', 'google')),
  label text not null,
  secret_ciphertext text not null,
  secret_hint text not null,
  active boolean not null default true,
  disabled_reason text,
  request_count bigint not null default 0,
  error_count bigint not null default 0,
  last_used_at timestamptz,
  last_error text,
  cooldown_until timestamptz,
  created_at timestamptz not null default now(),
  created_by uuid references public.profiles (id) on delete set null
);
create index provider_tokens_pick_idx on public.provider_tokens (provider, last_used_at nulls first) where active;
alter table public.provider_tokens enable row level security;

alter table public.generations
  add constraint generations_provider_token_fkey foreign key (provider_token_id)
  references public.provider_tokens (id) on delete set null;

-- Round robin: the usable key used longest ago; concurrent callers skip each other's row.
create function public.pick_provider_token(p_provider text) returns setof public.provider_tokens
language sql as $$
  update public.provider_tokens t
     set last_used_at = clock_timestamp(), request_count = t.request_count + 1
   where t.id = (
     select id from public.provider_tokens
      where provider = p_provider and active and (cooldown_until is null or cooldown_until <= now())
      order by last_used_at nulls first, created_at
      limit 1
      for update skip locked)
  returning t.*;
$$;

-- Notifications ------------------------------------------------------------------------
alter table public.profiles add column email_notifications boolean not null default true;

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  generation_id uuid references public.generations (id) on delete cascade,
  kind text not null check (kind in ('generation_completed', 'generation_failed')),
  title text not null,
  body text not null,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index notifications_generation_kind_key on public.notifications (generation_id, kind)
  where generation_id is not null;
create index notifications_user_unread_idx on public.notifications (user_id, created_at desc) where read_at is null;
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
alter table public.notifications enable row level security;
create policy "notifications: read own" on public.notifications
  for select to authenticated using (user_id = auth.uid());
grant select on public.notifications to authenticated;

-- Audit log: every admin action, with who, what, before and after ------------------------
create table public.audit_log (
  id bigint generated always as identity primary key,
  actor_id uuid references public.profiles (id) on delete set null,
  action text not null,
  target_type text not null,
  target_id text,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_created_idx on public.audit_log (created_at desc);
alter table public.audit_log enable row level security;
