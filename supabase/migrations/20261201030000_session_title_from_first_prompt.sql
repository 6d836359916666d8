-- A session started empty ("New session", no title given) is named by the prompt of the first
-- generation made in it, as a session started by a generation is, unless it was renamed first.
-- True while the title is the placeholder that naming may replace.
alter table public.workspaces add column untitled boolean not null default false;
