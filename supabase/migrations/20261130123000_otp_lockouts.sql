-- Sign-in lockout per email address: wrong codes are counted in a window; reaching the limit
-- locks the address for a while that doubles with every further lockout (lib/auth/local/lockout.ts).
create table public.otp_lockouts (
  email text primary key check (email = lower(email)),
  failures integer not null default 0 check (failures >= 0),
  window_started_at timestamptz not null default now(),
  lockouts integer not null default 0 check (lockouts >= 0),
  locked_until timestamptz,
  last_failure_at timestamptz not null default now()
);

-- No policies: only the server (table owner or service role) reads it.
alter table public.otp_lockouts enable row level security;
