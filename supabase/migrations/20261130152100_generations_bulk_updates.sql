-- Bulk changes (a gallery action on thousands of generations, the trash purge) bump the
-- owner's list version once per statement instead of once per row: thousands of updates of
-- the same profile row in one transaction cost seconds (each walks the row's growing chain of
-- versions). Such a transaction sets `atelier.bulk_update` to 'on' for itself
-- (set_config(..., true)) and bumps the version itself (lib/gallery/bulk-version.ts); every
-- other change keeps the per-row trigger and its live announcements.
drop trigger generations_bump_version on public.generations;
create trigger generations_bump_version
  after insert or update or delete on public.generations
  for each row
  when (coalesce(current_setting('atelier.bulk_update', true), '') <> 'on')
  execute function public.bump_generations_version();

-- Removing generations for good (the trash purge) checks every reference to each removed row:
-- without these indexes each check reads the whole referencing table, once per row removed.
create index generations_parent_idx on public.generations (parent_generation_id)
  where parent_generation_id is not null;
create index assets_original_idx on public.assets (original_asset_id) where original_asset_id is not null;
create index webhook_events_generation_idx on public.webhook_events (generation_id) where generation_id is not null;
