-- The admin console lists every user's generations newest first, and usage by day.
create index generations_created_idx on public.generations (created_at desc, id desc);
