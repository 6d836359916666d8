-- Sessions (named `workspaces` in the schema), and what the gallery needs on generations:
-- stars, tags, a trash, and indexes for searching prompts and combining filters.

-- Sessions -----------------------------------------------------------------------------------
create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  -- The newest generation made in or moved into it; what "recent" sorts by.
  last_activity_at timestamptz not null default now(),
  -- The target of generations' composite key: a generation can only sit in its owner's session.
  unique (id, user_id)
);
create index workspaces_user_activity_idx on public.workspaces (user_id, last_activity_at desc, id desc);

alter table public.workspaces enable row level security;
create policy "workspaces: read own" on public.workspaces for select to authenticated using (user_id = auth.uid());
grant select on public.workspaces to authenticated;

-- generations.workspace_id existed without a target; no row has one yet.
update public.generations set workspace_id = null where workspace_id is not null;
alter table public.generations
  add constraint generations_workspace_fkey foreign key (workspace_id, user_id)
    references public.workspaces (id, user_id) on delete set null (workspace_id);

-- Gallery state on generations -----------------------------------------------------------------
alter table public.generations
  add column starred boolean not null default false,
  -- Lower-cased labels the owner gave it (lib/gallery/tags.ts says what a tag may be).
  add column tags text[] not null default '{}' check (cardinality(tags) <= 20),
  -- Set while the generation is in the trash; the retention job removes it for good later.
  add column trashed_at timestamptz;

-- The gallery walks the existing (user_id, created_at desc, id desc) index newest first and
-- filters as it goes; filters that keep few rows get indexes of their own.
create index generations_trash_idx on public.generations (user_id, trashed_at) where trashed_at is not null;
create index generations_workspace_idx on public.generations (workspace_id, created_at desc)
  where workspace_id is not null;
create index generations_starred_idx on public.generations (user_id, created_at desc, id desc)
  where starred and trashed_at is null;
create index generations_tags_idx on public.generations using gin (tags);

-- Prompt search: words through full text search (stemmed, so "cats" finds "cat"), and any
-- part of a word through trigrams (ILIKE '%…%'). pg_trgm goes where the project keeps its
-- extensions (Supabase: the `extensions` schema), and the index names its operator class there.
create index generations_prompt_fts_idx on public.generations
  using gin (to_tsvector('english', coalesce(prompt, '')));

do $$
declare
  trgm_schema text;
begin
  if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
    if exists (select 1 from pg_namespace where nspname = 'extensions') then
      create extension pg_trgm with schema extensions;
    else
      create extension pg_trgm;
    end if;
  end if;
  select n.nspname into trgm_schema
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  execute format(
    'create index generations_prompt_trgm_idx on public.generations using gin (prompt %I.gin_trgm_ops)',
    trgm_schema);
end $$;

-- Storage used per user: summed from assets without reading the table.
create index assets_user_bytes_idx on public.assets (user_id) include (bytes);
