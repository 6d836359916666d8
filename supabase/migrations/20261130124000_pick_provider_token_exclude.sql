-- A job tries each usable key of the pool at most once: the round-robin pick can skip the keys
-- the caller has already tried (p_exclude). Replaces the one-argument function; callers that
-- pass only the provider keep working through the default.
drop function public.pick_provider_token(text);

create function public.pick_provider_token(p_provider text, p_exclude uuid[] default '{}')
returns setof public.provider_tokens
language sql as $$
  update public.provider_tokens t
     set last_used_at = clock_timestamp(), request_count = t.request_count + 1
   where t.id = (
     select id from public.provider_tokens
      where provider = p_provider and active and (cooldown_until is null or cooldown_until <= now())
        and id <> all (coalesce(p_exclude, '{}'))
      order by last_used_at nulls first, created_at
      limit 1
      for update skip locked)
  returning t.*;
$$;
