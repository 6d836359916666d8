-- Foundation: profiles, local sign-in (sessions, one-time codes), the mail outbox.
-- The same schema runs on Supabase and on the embedded Postgres; the shims below give the
-- embedded server the few Supabase pieces the policies refer to, and leave Supabase's own alone.

create extension if not exists pgcrypto;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin bypassrls; end if;
end $$;

create schema if not exists auth;

do $$
begin
  -- Supabase defines auth.uid() from the request's JWT claims; define the same when it is missing.
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    execute $fn$
      create function auth.uid() returns uuid language sql stable as $body$
        select nullif(
          coalesce(current_setting('request.jwt.claim.sub', true),
                   current_setting('request.jwt.claims', true)::jsonb ->> 'sub'),
          '')::uuid
      $body$
    $fn$;
  end if;
end $$;

grant usage on schema auth to anon, authenticated, service_role;

-- Profiles ------------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key default gen_random_uuid(),
  email text,
  telegram_id bigint,
  display_name text,
  avatar_url text,
  role text not null default 'user' check (role in ('user', 'admin', 'super_admin')),
  credits integer not null default 0 check (credits >= 0),
  status text not null default 'active' check (status in ('active', 'banned')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_email_lowercase check (email is null or email = lower(email))
);

create unique index profiles_email_key on public.profiles (email) where email is not null;
create unique index profiles_telegram_id_key on public.profiles (telegram_id) where telegram_id is not null;

do $$
begin
  -- On Supabase every profile belongs to an auth user.
  if exists (select 1 from information_schema.tables where table_schema = 'auth' and table_name = 'users') then
    alter table public.profiles
      add constraint profiles_id_fkey foreign key (id) references auth.users (id) on delete cascade;
  end if;
end $$;

alter table public.profiles enable row level security;

create policy "profiles: read own" on public.profiles
  for select to authenticated using (id = auth.uid());

-- Role, credits and status are changed by the server only; users may edit their display fields.
create policy "profiles: update own display fields" on public.profiles
  for update to authenticated using (id = auth.uid()) with check (id = auth.uid());

revoke update on public.profiles from authenticated;
grant select on public.profiles to authenticated;
grant update (display_name, avatar_url) on public.profiles to authenticated;

-- Local sign-in ------------------------------------------------------------------------

create table public.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text,
  ip text
);

create index sessions_user_id_idx on public.sessions (user_id);
alter table public.sessions enable row level security;

create policy "sessions: read own" on public.sessions
  for select to authenticated using (user_id = auth.uid());
grant select on public.sessions to authenticated;

create table public.otp_codes (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  code_hash text not null,
  ip text,
  attempts integer not null default 0 check (attempts >= 0),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz
);

create index otp_codes_email_created_idx on public.otp_codes (email, created_at desc);
create index otp_codes_ip_created_idx on public.otp_codes (ip, created_at desc);
-- No policies: only the server (table owner or service role) reads codes.
alter table public.otp_codes enable row level security;

-- Mail outbox: every message the mailbox port sends in local mode -----------------------

create table public.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_email text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  created_at timestamptz not null default now()
);

create index mail_outbox_to_created_idx on public.mail_outbox (to_email, created_at desc);
alter table public.mail_outbox enable row level security;
