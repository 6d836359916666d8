"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { LoaderCircleIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useEffect, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AdminGenerationItem } from "@/lib/admin/generations/list-generations";
import type { AdminModel } from "@/lib/admin/models/list-models";
import { GENERATION_STATUSES } from "@/lib/generations/types";
import { AdminHeader } from "../admin-header";
import { GenerationStatusBadge } from "../badges";
import { NativeSelect } from "../fields";
import { formatDateTime, formatNumber } from "../format";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import { DataTable, EmptyRow, LoadingRows, Td, Th } from "../table";
import { replaceQuery } from "../url-state";
import type { Wire } from "../wire";
import { FILTER_KEYS, type GenerationFilter } from "./filter";

type Page = { items: Wire<AdminGenerationItem>[]; next_cursor: string | null };
const COLUMNS = 6;

export function GenerationsPanel({ initialFilter }: { initialFilter: GenerationFilter }) {
  const [filter, setFilter] = useState(initialFilter);
  const [email, setEmail] = useState(initialFilter.email);

  useEffect(() => {
    const timer = setTimeout(
      () => setFilter((f) => (f.email === email.trim() ? f : { ...f, email: email.trim() })),
      300,
    );
    return () => clearTimeout(timer);
  }, [email]);
  useEffect(() => replaceQuery(filter), [filter]);

  const models = useQuery({
    queryKey: adminKeys.models,
    queryFn: ({ signal }) => fetchJson<Wire<AdminModel>[]>("/api/admin/models", { signal }),
    staleTime: 60_000,
  });
  const list = useInfiniteQuery({
    queryKey: adminKeys.generations(filter),
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) => {
      const search = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ""));
      if (pageParam) search.set("cursor", pageParam);
      return fetchJson<Page>(`/api/admin/generations?${search}`, { signal });
    },
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof GenerationFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  const active = FILTER_KEYS.some((k) => filter[k] !== "");

  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Generations"
        description="Every user's jobs: inspect, retry failed ones, refund."
        actions={
          active ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setEmail("");
                setFilter({ status: "", provider: "", model: "", email: "", from: "", to: "" });
              }}
            >
              <XIcon /> Clear filters
            </Button>
          ) : null
        }
      />
      <form
        aria-label="Filters"
        onSubmit={(event) => event.preventDefault()}
        className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6"
      >
        <Filter id="f-status" label="Status">
          <NativeSelect id="f-status" value={filter.status} onChange={(e) => set("status")(e.target.value)}>
            <option value="">Any</option>
            {GENERATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </Filter>
        <Filter id="f-provider" label="Provider">
          <NativeSelect
            id="f-provider"
            value={filter.provider}
            onChange={(e) => set("provider")(e.target.value)}
          >
            <option value="">Any</option>
            <option value="replicate">Replicate</option>
            <option value="fal">fal.ai</option>
            <option value="google">Google</option>
          </NativeSelect>
        </Filter>
        <Filter id="f-model" label="Model">
          <NativeSelect id="f-model" value={filter.model} onChange={(e) => set("model")(e.target.value)}>
            <option value="">Any</option>
            {(models.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            {filter.model && !models.data?.some((m) => m.id === filter.model) ? (
              <option value={filter.model}>{filter.model}</option>
            ) : null}
          </NativeSelect>
        </Filter>
        <Filter id="f-email" label="User email">
          <Input
            id="f-email"
            type="search"
            placeholder="alice@"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
          />
        </Filter>
        <Filter id="f-from" label="From (UTC)">
          <Input id="f-from" type="date" value={filter.from} onChange={(e) => set("from")(e.target.value)} />
        </Filter>
        <Filter id="f-to" label="To (UTC)">
          <Input id="f-to" type="date" value={filter.to} onChange={(e) => set("to")(e.target.value)} />
        </Filter>
      </form>
      <QueryError error={list.error} />
      <DataTable aria-label="Generations" aria-busy={list.isFetching}>
        <thead>
          <tr>
            <Th>Created</Th>
            <Th>Model</Th>
            <Th>Status</Th>
            <Th className="hidden sm:table-cell">User</Th>
            <Th className="hidden text-right md:table-cell">Credits</Th>
            <Th className="hidden lg:table-cell">Prompt / error</Th>
          </tr>
        </thead>
        <tbody>
          {list.isPending ? <LoadingRows colSpan={COLUMNS} /> : null}
          {list.isSuccess && items.length === 0 ? (
            <EmptyRow colSpan={COLUMNS}>No generations match these filters.</EmptyRow>
          ) : null}
          {items.map((g) => (
            <tr key={g.id} className="hover:bg-muted/40">
              <Td className="min-w-28 sm:whitespace-nowrap">
                <Link
                  href={`/admin/generations/${g.id}`}
                  className="font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
                >
                  {formatDateTime(g.created_at)}
                </Link>
              </Td>
              <Td>
                <span className="block whitespace-nowrap">{g.model_id}</span>
                <span className="block text-muted-foreground text-xs">{g.provider}</span>
              </Td>
              <Td>
                <GenerationStatusBadge status={g.status} />
              </Td>
              <Td className="hidden max-w-56 truncate sm:table-cell">{g.user_email ?? g.user_id}</Td>
              <Td className="hidden text-right tabular-nums md:table-cell">
                {formatNumber(g.charged_credits)}
              </Td>
              <Td className="hidden max-w-80 lg:table-cell">
                {g.error ? (
                  <span className="line-clamp-2 text-destructive">{g.error}</span>
                ) : (
                  <span className="line-clamp-2 text-muted-foreground">{g.prompt ?? "—"}</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {list.hasNextPage ? (
        <Button
          variant="outline"
          className="self-center"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? <LoaderCircleIcon className="animate-spin" /> : null}
          Load more
        </Button>
      ) : null}
    </div>
  );
}

function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}
