"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { ApiKeyUsage } from "@/lib/admin/api-key-usage";
import type { UsageBucket, UsageReport } from "@/lib/admin/usage-report";
import { AdminHeader, Stat } from "../admin-header";
import { InlineSelect } from "../fields";
import { formatNumber } from "../format";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import { DataTable, EmptyRow, Td, Th } from "../table";
import type { Wire } from "../wire";
import { ApiKeyUsageTable } from "./api-key-table";
import { DailyBars, InlineBar } from "./charts";

const RANGES = [7, 30, 90] as const;

export function UsagePanel() {
  const [days, setDays] = useState<number>(30);
  const report = useQuery({
    queryKey: adminKeys.usage(days),
    queryFn: ({ signal }) =>
      fetchJson<Wire<UsageReport & { per_api_key: ApiKeyUsage[] }>>(`/api/admin/usage?days=${days}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Usage and cost"
        description="Generations and credits (charged minus refunded) by day, model, provider, user and API key. Days are UTC."
        actions={
          <InlineSelect
            id="usage-range"
            label="Range"
            className="w-36"
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
          >
            {RANGES.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </InlineSelect>
        }
      />
      <QueryError error={report.error} />
      {!data ? (
        <div className="grid gap-3 sm:grid-cols-4" aria-busy>
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : (
        <>
          <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Stat label="Generations" value={formatNumber(data.totals.generations)} />
            <Stat label="Failed" value={formatNumber(data.totals.failed)} hint={failRate(data.totals)} />
            <Stat label="Credits charged" value={formatNumber(data.totals.charged)} />
            <Stat
              label="Net credits"
              value={formatNumber(data.totals.net)}
              hint={`${formatNumber(data.totals.refunded)} refunded`}
            />
          </section>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Per day</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-6 md:grid-cols-2">
              <DailyBars
                label="Generations"
                tone="muted"
                data={data.per_day.map((d) => ({ day: d.day, value: d.generations }))}
              />
              <DailyBars label="Net credits" data={data.per_day.map((d) => ({ day: d.day, value: d.net }))} />
            </CardContent>
          </Card>
          <div className="grid gap-5 lg:grid-cols-2">
            <Breakdown
              title="Per model"
              rows={data.per_model.map((r) => ({ key: r.model_id, label: r.model_id, ...r }))}
            />
            <Breakdown
              title="Per provider"
              rows={data.per_provider.map((r) => ({ key: r.provider, label: r.provider, ...r }))}
            />
          </div>
          <Breakdown
            title="Top users"
            rows={data.per_user.map((r) => ({
              key: r.user_id,
              label: (
                <Link href={`/admin/users/${r.user_id}`} className="underline-offset-4 hover:underline">
                  {r.email ?? r.user_id}
                </Link>
              ),
              ...r,
            }))}
          />
          <ApiKeyUsageTable rows={data.per_api_key ?? []} />
        </>
      )}
    </div>
  );
}

function failRate(b: UsageBucket): string {
  return b.generations ? `${Math.round((b.failed / b.generations) * 100)}% of all` : "—";
}

function Breakdown({
  title,
  rows,
}: {
  title: string;
  rows: (UsageBucket & { key: string; label: ReactNode })[];
}) {
  const max = Math.max(0, ...rows.map((r) => r.net));
  return (
    <section aria-label={title} className="flex min-w-0 flex-col gap-3">
      <h2 className="font-semibold text-lg">{title}</h2>
      <DataTable>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th className="text-right">Generations</Th>
            <Th className="hidden text-right sm:table-cell">Failed</Th>
            <Th className="text-right">Net credits</Th>
            <Th className="hidden w-1/4 sm:table-cell">
              <span className="sr-only">Share</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <EmptyRow colSpan={5}>Nothing in this range.</EmptyRow> : null}
          {rows.map((r) => (
            <tr key={r.key}>
              <Td className="max-w-36 truncate sm:max-w-56">{r.label}</Td>
              <Td className="text-right tabular-nums">{formatNumber(r.generations)}</Td>
              <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(r.failed)}</Td>
              <Td className="text-right tabular-nums" title={`${r.charged} charged − ${r.refunded} refunded`}>
                {formatNumber(r.net)}
              </Td>
              <Td className="hidden align-middle sm:table-cell">
                <InlineBar value={r.net} max={max} />
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
