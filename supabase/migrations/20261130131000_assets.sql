-- Every stored file once (uploads, outputs, thumbnails, masks), and which of them each
-- generation consumed. Inputs reference assets, never URLs: a signed URL is made fresh when a
-- job is submitted, so a retry days later still works. Lineage is these edges: a generation's
-- parents made the assets it consumed (generations.parent_generation_id stays as a shortcut).

create table public.assets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  role text not null check (role in ('input', 'mask', 'output', 'thumbnail')),
  storage_path text not null unique,
  -- From the bytes, never from what a client or provider declared.
  mime text not null,
  width integer check (width > 0),
  height integer check (height > 0),
  duration_seconds numeric check (duration_seconds >= 0),
  bytes bigint not null check (bytes >= 0),
  -- Null only for files stored before assets existed (their bytes were not read again).
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  -- The generation that produced an output or thumbnail; a thumbnail's original.
  generation_id uuid references public.generations (id) on delete cascade,
  original_asset_id uuid references public.assets (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint assets_output_has_generation check ((role in ('output', 'thumbnail')) = (generation_id is not null))
);

-- The same bytes uploaded twice by one user are one asset.
create unique index assets_upload_sha256_key on public.assets (user_id, sha256)
  where role in ('input', 'mask') and sha256 is not null;
create index assets_generation_idx on public.assets (generation_id) where generation_id is not null;
create index assets_user_created_idx on public.assets (user_id, created_at desc);

alter table public.assets enable row level security;
create policy "assets: read own" on public.assets for select to authenticated using (user_id = auth.uid());
grant select on public.assets to authenticated;

create table public.generation_inputs (
  generation_id uuid not null references public.generations (id) on delete cascade,
  -- The model input field it fills, and its place in a list field.
  param text not null,
  position integer not null default 0 check (position >= 0),
  slot text not null check (slot in ('image', 'mask', 'reference', 'first_frame', 'last_frame')),
  -- Deleting a generation deletes its outputs; a later generation that consumed one keeps its
  -- own row and loses the edge.
  asset_id uuid not null references public.assets (id) on delete cascade,
  primary key (generation_id, param, position)
);
-- Lineage walks from an asset to the generations that consumed it.
create index generation_inputs_asset_idx on public.generation_inputs (asset_id);

alter table public.generation_inputs enable row level security;
create policy "generation_inputs: read own" on public.generation_inputs for select to authenticated
  using (exists (select 1 from public.generations g where g.id = generation_id and g.user_id = auth.uid()));
grant select on public.generation_inputs to authenticated;

-- Existing rows --------------------------------------------------------------------------
-- Outputs and thumbnails of finished generations become assets; each output records its ids.
create temporary table migrated_outputs on commit drop as
select g.id as generation_id, g.user_id, o.ordinality - 1 as index, o.value as output,
       gen_random_uuid() as asset_id,
       case when o.value ->> 'thumb_path' is not null then gen_random_uuid() end as thumb_asset_id
from public.generations g, jsonb_array_elements(g.outputs) with ordinality o
where jsonb_array_length(g.outputs) > 0 and o.value ->> 'path' is not null;

insert into public.assets (id, user_id, role, storage_path, mime, width, height, bytes, generation_id)
select asset_id, user_id, 'output', output ->> 'path', coalesce(output ->> 'mime', 'application/octet-stream'),
       nullif((output ->> 'width')::int, 0), nullif((output ->> 'height')::int, 0),
       coalesce((output ->> 'bytes')::bigint, 0), generation_id
from migrated_outputs
on conflict (storage_path) do nothing;

insert into public.assets (id, user_id, role, storage_path, mime, bytes, generation_id, original_asset_id)
select thumb_asset_id, user_id, 'thumbnail', output ->> 'thumb_path', 'image/webp', 0, generation_id, asset_id
from migrated_outputs where thumb_asset_id is not null
on conflict (storage_path) do nothing;

update public.generations g set outputs = m.outputs
from (
  select generation_id,
         jsonb_agg(output || jsonb_build_object('asset_id', asset_id, 'thumb_asset_id', thumb_asset_id) order by index) as outputs
  from migrated_outputs group by generation_id
) m
where g.id = m.generation_id;

-- Completed direct uploads become input assets.
insert into public.assets (user_id, role, storage_path, mime, width, height, bytes)
select user_id, 'input', result ->> 'path', result ->> 'mime', (result ->> 'width')::int,
       (result ->> 'height')::int, (result ->> 'bytes')::bigint
from public.uploads where status = 'completed' and result ->> 'path' is not null
on conflict (storage_path) do nothing;

-- Inputs that are links to our own files (local `/api/files/<path>?…` or Supabase
-- `/storage/v1/object/sign/<bucket>/<path>?…`) become edges to the owner's assets.
insert into public.generation_inputs (generation_id, param, position, slot, asset_id)
select g.id, f.key, u.position - 1,
       case
         when f.key like '%mask%' then 'mask'
         when f.key like 'last_frame%' then 'last_frame'
         when g.kind = 'video' then 'first_frame'
         when jsonb_typeof(f.value) = 'array' then 'reference'
         else 'image'
       end,
       a.id
from public.generations g
cross join lateral jsonb_each(g.input) f
cross join lateral jsonb_array_elements_text(
  case jsonb_typeof(f.value) when 'array' then f.value else jsonb_build_array(f.value) end
) with ordinality u(url, position)
join public.assets a on a.user_id = g.user_id and a.storage_path = coalesce(
  substring(u.url from '/api/files/([^?#]+)'),
  substring(u.url from '/storage/v1/object/sign/[^/]+/([^?#]+)'))
where u.url ~ '^https?://'
on conflict do nothing;
