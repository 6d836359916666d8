-- The change feed behind live updates: each change a user would see is announced with
-- pg_notify on the channel `atelier_live`, to be fanned out by the server's one LISTEN
-- connection (lib/live/listener.ts). A notification is a hint, never the data: browsers
-- refetch through the usual routes (an unchanged list is still a 304).
--
-- Payloads (JSON, well under the 8000-byte limit):
--   {"user_id", "type": "generation", "id", "status", "deleted", "version"}
--   {"user_id", "type": "credits", "credits"}
-- Notifications are sent at commit, so a rolled-back change announces nothing.

-- Generations: the trigger that bumps the list's change counter (the ETag's version) already
-- runs on every change of a user's rows; it now also announces the changes people see (a new
-- or deleted row, a new status, outputs or error), carrying the version it bumped. Bookkeeping
-- updates (provider job id, the outputs claim) still bump the counter but stay silent.
create or replace function public.bump_generations_version() returns trigger
language plpgsql as $$
declare
  owner uuid := coalesce(new.user_id, old.user_id);
  version bigint;
begin
  update public.profiles set generations_version = generations_version + 1
  where id = owner
  returning generations_version into version;
  if tg_op <> 'UPDATE'
     or new.status is distinct from old.status
     or new.outputs is distinct from old.outputs
     or new.error is distinct from old.error then
    perform pg_notify('atelier_live', json_build_object(
      'user_id', owner,
      'type', 'generation',
      'id', coalesce(new.id, old.id),
      'status', coalesce(new.status, old.status),
      'deleted', tg_op = 'DELETE',
      'version', version)::text);
  end if;
  return null;
end $$;

-- Credits: every balance change lands on profiles.credits (the ledger trigger applies it
-- there), so one trigger on the balance covers grants, charges, refunds and adjustments.
create or replace function public.notify_credits_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('atelier_live', json_build_object(
    'user_id', new.id,
    'type', 'credits',
    'credits', new.credits)::text);
  return null;
end $$;

create or replace trigger profiles_notify_credits
  after update of credits on public.profiles
  for each row when (old.credits is distinct from new.credits)
  execute function public.notify_credits_change();
