-- Storing a finished job's outputs is claimed by one path at a time (a webhook, a reconciler
-- pass, a synchronous result): the claimer's attempt id, which also names the folder its files
-- are written to, and when it claimed. A claim older than the lease (lib/db/generations.ts)
-- counts as abandoned by a process that died, so a later reconciler pass can take over.
alter table public.generations
  add column outputs_claim text,
  add column outputs_claimed_at timestamptz,
  add constraint generations_outputs_claim_has_time
    check ((outputs_claim is null) = (outputs_claimed_at is null));
