-- The gallery's single-value facets (model, kind, provider, status), each with an index of its
-- own in the list's order. Without them a facet walked the user's whole newest-first index and
-- tested every row, so a value on few rows (a model tried once, the videos of an image-heavy
-- library, the failed jobs) read every row of the user to find its few: 7–8 ms in a library of
-- 20,000, growing with the library. With them a facet reads only its own rows: in the list's
-- order up to the page when they are many, all of them (and a sort) when they are few. Model,
-- kind and provider never change after the insert. A status change already writes to every
-- index (generations_active_idx names the column), so it gains one entry more.
create index generations_user_model_idx on public.generations (user_id, model_id, created_at desc, id desc);
create index generations_user_kind_idx on public.generations (user_id, kind, created_at desc, id desc);
create index generations_user_provider_idx on public.generations (user_id, provider, created_at desc, id desc);
create index generations_user_status_idx on public.generations (user_id, status, created_at desc, id desc);
