"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import type { AdminGenerationDetail } from "@/lib/admin/generations/get-generation-detail";
import { isActive } from "@/lib/generations/status";
import { AdminHeader } from "../admin-header";
import { GenerationStatusBadge } from "../badges";
import { BackLink, DetailPending } from "../detail-state";
import { formatDateTime, formatNumber, formatSigned, shortId } from "../format";
import { JsonView } from "../json-view";
import { adminKeys } from "../query-keys";
import { DataTable, EmptyRow, Td, Th } from "../table";
import { LedgerNote } from "../users/ledger-table";
import type { Wire } from "../wire";
import { GenerationActions } from "./generation-actions";
import { WebhookEvents } from "./webhook-events";

export type GenerationDetailWire = Wire<AdminGenerationDetail>;

export function GenerationDetailPanel({ generationId }: { generationId: string }) {
  const detail = useQuery({
    queryKey: adminKeys.generation(generationId),
    queryFn: ({ signal }) =>
      fetchJson<GenerationDetailWire>(`/api/admin/generations/${generationId}`, { signal }),
    // Follow a running job until it ends.
    refetchInterval: (query) => (isActive(query.state.data?.generation.status ?? "") ? 3000 : false),
  });
  const back = <BackLink href="/admin/generations">All generations</BackLink>;
  if (detail.error || !detail.data)
    return (
      <DetailPending back={back} error={detail.error}>
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-64" />
      </DetailPending>
    );

  const { generation: g, webhook_events, ledger, retries, refundable } = detail.data;
  return (
    <div className="flex flex-col gap-6">
      {back}
      <AdminHeader
        title={<span className="font-mono">{shortId(g.id)}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <GenerationStatusBadge status={g.status} />
            <span>
              {g.model_id} · {g.provider} · {g.kind}
            </span>
          </span>
        }
        actions={
          <>
            <CopyButton value={g.id} label="Copy ID" />
            <GenerationActions generation={g} refundable={refundable} />
          </>
        }
      />
      {g.error ? <FormMessage>{g.error}</FormMessage> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Job</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y text-sm">
              <Row term="User">
                <Link href={`/admin/users/${g.user_id}`} className="underline-offset-4 hover:underline">
                  {g.user_email ?? g.user_id}
                </Link>
              </Row>
              <Row term="Provider job">
                <span className="break-all font-mono text-xs">{g.provider_job_id ?? "not submitted"}</span>
              </Row>
              <Row term="Credits">
                {formatNumber(g.charged_credits)} charged · {formatNumber(g.estimated_credits)} estimated
              </Row>
              <Row term="Created">{formatDateTime(g.created_at)}</Row>
              <Row term="Submitted">{formatDateTime(g.submitted_at)}</Row>
              <Row term="Finished">{formatDateTime(g.completed_at)}</Row>
              {g.parent_generation_id ? (
                <Row term="Parent">
                  <Link
                    href={`/admin/generations/${g.parent_generation_id}`}
                    className="font-mono text-xs underline-offset-4 hover:underline"
                  >
                    {shortId(g.parent_generation_id)}
                  </Link>
                </Row>
              ) : null}
              {retries.length ? (
                <Row term="Retries">
                  <span className="flex flex-wrap justify-end gap-2">
                    {retries.map((r) => (
                      <Link
                        key={r.id}
                        href={`/admin/generations/${r.id}`}
                        className="font-mono text-xs underline-offset-4 hover:underline"
                      >
                        {shortId(r.id)} ({r.status})
                      </Link>
                    ))}
                  </span>
                </Row>
              ) : null}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Input</CardTitle>
          </CardHeader>
          <CardContent>
            <JsonView value={g.input} />
          </CardContent>
        </Card>
      </div>

      {g.outputs.length ? (
        <section aria-labelledby="outputs-heading" className="flex flex-col gap-3">
          <h2 id="outputs-heading" className="font-semibold text-lg">
            Outputs
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {g.outputs.map((o) => (
              <li key={o.url}>
                <a
                  href={o.url}
                  target="_blank"
                  rel="noreferrer"
                  className="block overflow-hidden rounded-lg border"
                >
                  {o.thumbnail_url ? (
                    // biome-ignore lint/performance/noImgElement: signed, expiring URLs; next/image would re-host them.
                    <img src={o.thumbnail_url} alt="Output" className="aspect-square w-full object-cover" />
                  ) : (
                    <span className="flex aspect-square items-center justify-center text-muted-foreground text-xs">
                      {o.mime}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <WebhookEvents events={webhook_events} />

      <section aria-labelledby="gen-ledger-heading" className="flex flex-col gap-3">
        <h2 id="gen-ledger-heading" className="font-semibold text-lg">
          Credits
        </h2>
        <DataTable aria-label="Ledger rows for this generation">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Reason</Th>
              <Th className="text-right">Change</Th>
              <Th>Note</Th>
            </tr>
          </thead>
          <tbody>
            {ledger.length === 0 ? <EmptyRow colSpan={4}>Nothing charged.</EmptyRow> : null}
            {ledger.map((l) => (
              <tr key={l.id}>
                <Td className="whitespace-nowrap text-muted-foreground">{formatDateTime(l.created_at)}</Td>
                <Td>{l.reason}</Td>
                <Td className="text-right tabular-nums">{formatSigned(l.delta)}</Td>
                <Td>
                  <LedgerNote entry={l} />
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5 first:pt-0 last:pb-0">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-right">{children}</dd>
    </div>
  );
}
