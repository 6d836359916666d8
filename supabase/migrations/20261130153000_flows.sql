-- Flows: node graphs of chained generations (lib/flows/*). A flow is the editable graph; a
-- version is an immutable snapshot of it (named by its owner, or taken by a run); a run
-- executes one version's nodes and records, per node, its content key, its generation (or the
-- earlier one it reused), its status and what it cost.

create table public.flows (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  graph jsonb not null default '{"nodes": [], "edges": []}'::jsonb check (jsonb_typeof(graph) = 'object'),
  -- Bumped by every save, so two tabs cannot silently overwrite each other.
  revision integer not null default 1 check (revision > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index flows_user_updated_idx on public.flows (user_id, updated_at desc, id desc);
alter table public.flows enable row level security;
create policy "flows: read own" on public.flows for select to authenticated using (user_id = auth.uid());
grant select on public.flows to authenticated;

create table public.flow_versions (
  id uuid primary key default gen_random_uuid(),
  flow_id uuid not null references public.flows (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- Null for the snapshot a run took of an unsaved graph.
  name text check (name is null or char_length(name) between 1 and 100),
  graph jsonb not null check (jsonb_typeof(graph) = 'object'),
  graph_sha256 text not null check (graph_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
create index flow_versions_flow_created_idx on public.flow_versions (flow_id, created_at desc);
-- Runs of an unchanged graph share its one unnamed snapshot.
create unique index flow_versions_unnamed_key on public.flow_versions (flow_id, graph_sha256) where name is null;
alter table public.flow_versions enable row level security;
create policy "flow_versions: read own" on public.flow_versions for select to authenticated
  using (user_id = auth.uid());
grant select on public.flow_versions to authenticated;

-- A version is what a run ran: it never changes (deleting the flow removes it with the runs).
create function public.refuse_flow_version_change() returns trigger
language plpgsql as $$
begin
  raise exception 'flow_versions are immutable';
end $$;

create trigger flow_versions_immutable before update on public.flow_versions
  for each row when (pg_trigger_depth() = 0) execute function public.refuse_flow_version_change();

create table public.flow_runs (
  id uuid primary key default gen_random_uuid(),
  flow_id uuid not null references public.flows (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  version_id uuid not null references public.flow_versions (id) on delete cascade,
  status text not null default 'running' check (status in ('running', 'completed', 'failed', 'canceled')),
  targets text[] not null default '{}',
  force text[] not null default '{}',
  retry_of uuid references public.flow_runs (id) on delete set null,
  -- The price of the nodes that were to run, reserved from the balance in one ledger entry;
  -- `reserve_left` is what the nodes have not settled yet, released when the run ends.
  estimated_credits integer not null check (estimated_credits >= 0),
  reserve_left integer not null check (reserve_left >= 0),
  -- Bumped by every change of the run or its nodes: the live view's hint.
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  ended_at timestamptz,
  constraint flow_runs_ended_has_time check ((status = 'running') = (ended_at is null)),
  constraint flow_runs_released_at_end check (status = 'running' or reserve_left = 0)
);
create index flow_runs_flow_created_idx on public.flow_runs (flow_id, created_at desc);
create index flow_runs_user_running_idx on public.flow_runs (user_id, created_at) where status = 'running';
create index flow_runs_running_updated_idx on public.flow_runs (updated_at) where status = 'running';
alter table public.flow_runs enable row level security;
create policy "flow_runs: read own" on public.flow_runs for select to authenticated using (user_id = auth.uid());
grant select on public.flow_runs to authenticated;

create table public.flow_run_nodes (
  run_id uuid not null references public.flow_runs (id) on delete cascade,
  node_id text not null,
  -- Its place in the plan: every node after those it depends on.
  seq integer not null check (seq >= 0),
  node_type text not null check (node_type in ('text', 'image', 'generate', 'llm', 'output')),
  -- Content key (lib/flows/node-key.ts); null until the node's inputs are known.
  key text check (key is null or key ~ '^[0-9a-f]{64}$'),
  status text not null default 'queued'
    check (status in ('queued', 'running', 'reused', 'done', 'failed', 'canceled')),
  -- No foreign keys: a result deleted later is still what this run made or reused.
  generation_id uuid,
  reused_from uuid,
  estimated_credits integer not null default 0 check (estimated_credits >= 0),
  credits integer not null default 0 check (credits >= 0),
  error text,
  started_at timestamptz,
  ended_at timestamptz,
  primary key (run_id, node_id)
);
create index flow_run_nodes_generation_idx on public.flow_run_nodes (generation_id) where generation_id is not null;
alter table public.flow_run_nodes enable row level security;
create policy "flow_run_nodes: read own" on public.flow_run_nodes for select to authenticated
  using (exists (select 1 from public.flow_runs r where r.id = run_id and r.user_id = auth.uid()));
grant select on public.flow_run_nodes to authenticated;

-- Generations a flow made: which run and node, and the node's key, by which a later run finds a
-- finished result to reuse (the same user's, completed).
alter table public.generations
  add constraint generations_flow_run_fkey foreign key (flow_run_id)
    references public.flow_runs (id) on delete set null,
  add column flow_node_key text check (flow_node_key is null or flow_node_key ~ '^[0-9a-f]{64}$');
create index generations_flow_node_key_idx on public.generations (user_id, flow_node_key, completed_at desc)
  where flow_node_key is not null and status = 'completed';
create index generations_flow_run_idx on public.generations (flow_run_id) where flow_run_id is not null;

-- Credits of a run: one reservation when it starts, a settlement beside each node's charge (the
-- node's price moves from the reservation to its generation, so the balance does not move), one
-- release of whatever is left when it ends. Reservation and release happen once per run.
alter table public.credit_ledger
  add column flow_run_id uuid references public.flow_runs (id) on delete set null,
  drop constraint credit_ledger_reason_check,
  add constraint credit_ledger_reason_check check (reason in (
    'grant', 'charge', 'refund', 'admin_adjust', 'admin_refund', 'flow_reserve', 'flow_settle', 'flow_release'));
create unique index credit_ledger_flow_run_reason_key on public.credit_ledger (flow_run_id, reason)
  where flow_run_id is not null and reason in ('flow_reserve', 'flow_release');

-- Live view: a run's change is announced to its owner like a generation's (a hint to refetch).
create function public.notify_flow_run_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('atelier_live', json_build_object(
    'user_id', new.user_id,
    'type', 'flow_run',
    'id', new.id,
    'flow_id', new.flow_id,
    'status', new.status)::text);
  return null;
end $$;

create trigger flow_runs_notify after insert or update on public.flow_runs
  for each row execute function public.notify_flow_run_change();
