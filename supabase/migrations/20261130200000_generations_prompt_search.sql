-- The prompt search's words as a stored column. A word common in a library (one prompt in ten)
-- is searched by walking the newest-first index and testing each row until a page is full; a
-- rare one through the GIN index below. Both test rows against the words: with only an
-- expression index, each test ran to_tsvector on the prompt again (about 8 µs a row, most of a
-- search's time), and a bitmap scan over the index rechecked every match the same way. Stored,
-- the test is a lookup. Same expression as the index it replaces, so the same rows match.
alter table public.generations
  add column prompt_search tsvector
    generated always as (to_tsvector('english'::regconfig, coalesce(prompt, ''))) stored;

create index generations_prompt_search_idx on public.generations using gin (prompt_search);
drop index public.generations_prompt_fts_idx;
