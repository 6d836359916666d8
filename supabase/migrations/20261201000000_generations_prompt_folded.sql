-- The prompt in lower case as a stored column, for the search's "any part of the text". ILIKE
-- lower-cases the whole prompt again for every row it tests (a UTF-8 database folds case that
-- way), which was most of a common word's search: the search walks the newest rows until a
-- page is full and tests each. LIKE on the folded prompt matches the same rows (ILIKE is
-- lower() on both sides, then LIKE) without folding anything per row. The trigram index moves
-- to the folded prompt: pg_trgm folds case itself, so it finds the same rows as before.
alter table public.generations
  add column prompt_folded text generated always as (lower(prompt)) stored;

do $$
declare
  trgm_schema text;
begin
  select n.nspname into trgm_schema
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  execute format(
    'create index generations_prompt_folded_trgm_idx on public.generations using gin (prompt_folded %I.gin_trgm_ops)',
    trgm_schema);
end $$;

drop index public.generations_prompt_trgm_idx;
