-- Direct uploads: the browser asks for a slot, sends the bytes straight to storage (tus) under
-- users/<id>/incoming/, then asks the server to complete it (lib/uploads/). A row is the slot,
-- its limits and, once completed, the answer, so completing twice answers the same. The
-- reconciler removes the incoming object of every slot past its expiry (cleared_at).
create table public.uploads (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind in ('image')),
  name text not null check (length(name) between 1 and 255),
  declared_type text not null default '',
  declared_bytes bigint not null check (declared_bytes > 0),
  max_bytes bigint not null check (max_bytes > 0),
  incoming_path text not null unique,
  status text not null default 'pending' check (status in ('pending', 'completed')),
  result jsonb,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  completed_at timestamptz,
  cleared_at timestamptz,
  constraint uploads_completed_has_result check ((status = 'completed') = (result is not null))
);

-- Open slots per user (the count limit) and slots whose incoming object is still to clear.
create index uploads_user_pending_idx on public.uploads (user_id, expires_at) where status = 'pending';
create index uploads_uncleared_idx on public.uploads (expires_at) where cleared_at is null;

alter table public.uploads enable row level security;
create policy "uploads: read own" on public.uploads
  for select to authenticated using (user_id = auth.uid());
grant select on public.uploads to authenticated;
