-- "Request credits": a person with too few credits asks the admins for more. Each admin gets
-- an in-app notification of the new kind `credits_requested` (no generation). One row per
-- person holds the time of their last request, so asking is limited to once a day with one
-- conditional upsert (no race between two clicks).
alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check
  check (kind in ('generation_completed', 'generation_failed', 'credits_requested'));

create table public.credit_requests (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  requested_at timestamptz not null default now(),
  request_count integer not null default 1 check (request_count > 0)
);
alter table public.credit_requests enable row level security;
create policy "credit_requests: read own" on public.credit_requests
  for select to authenticated using (user_id = auth.uid());
grant select on public.credit_requests to authenticated;
