-- The gallery's tag filter reads the tag's own rows newest first. A tag belongs to one person,
-- but Postgres estimates how many rows of a user carry it from the whole table (its share of
-- all users' rows), so with many people in the table it takes a tag to be rare. It then found
-- a tag's rows through the GIN index on `tags` and sorted all of them for a page: 3.5 ms for a
-- tag on 2,857 of a library's 20,000 rows with a model, a kind and a date (four other
-- libraries in the table), growing with the tag, where reading the newest rows in order takes
-- 0.3 ms. No index on `tags` can give a tag's rows in the list's order, so each (generation,
-- tag) is a row here, kept from `generations.tags` by the triggers below, with the list's order
-- in its index. `tags` stays what the app writes and reads; this table only finds a tag's rows.
create table public.generation_tags (
  generation_id uuid not null references public.generations (id) on delete cascade,
  user_id uuid not null,
  tag text not null,
  -- The generation's own `created_at` (it never changes), so the tag's rows are in list order.
  created_at timestamptz not null,
  primary key (generation_id, tag)
);
create index generation_tags_list_idx on public.generation_tags (user_id, tag, created_at desc, generation_id desc);
alter table public.generation_tags enable row level security;

create function public.sync_generation_tags() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    delete from public.generation_tags where generation_id = new.id and not (tag = any (new.tags));
  end if;
  insert into public.generation_tags (generation_id, user_id, tag, created_at)
  select new.id, new.user_id, tag, new.created_at from unnest(new.tags) as tag
  on conflict do nothing;
  return null;
end $$;

-- Only inserts with tags and updates that change them: a job's status and progress updates
-- never reach the function.
create trigger generations_tags_inserted
  after insert on public.generations
  for each row when (cardinality(new.tags) > 0)
  execute function public.sync_generation_tags();
create trigger generations_tags_changed
  after update of tags on public.generations
  for each row when (old.tags is distinct from new.tags)
  execute function public.sync_generation_tags();

insert into public.generation_tags (generation_id, user_id, tag, created_at)
select generations.id, generations.user_id, tag, generations.created_at
from public.generations, unnest(generations.tags) as tag
on conflict do nothing;
