"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Badge } from "@/components/ui/badge";
import type { AuditItem } from "@/lib/admin/audit-log";
import { AdminHeader } from "../admin-header";
import { InlineSelect } from "../fields";
import { formatDateTime } from "../format";
import { JsonView } from "../json-view";
import { ResultPager } from "../pager";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import { replaceQuery } from "../url-state";
import type { Wire } from "../wire";

type AuditPage = { items: Wire<AuditItem>[]; total: number; page: number; page_size: number };

const ACTIONS = [
  ["user.credits.adjust", "Credit adjustments"],
  ["user.role.change", "Role changes"],
  ["user.ban", "Bans"],
  ["user.unban", "Unbans"],
  ["generation.retry", "Retries"],
  ["generation.refund", "Refunds"],
  ["model.update", "Model changes"],
  ["setting.update", "Setting changes"],
  ["key.add", "Keys added"],
  ["key.update", "Keys renamed"],
  ["key.enable", "Keys enabled"],
  ["key.disable", "Keys disabled"],
  ["key.delete", "Keys deleted"],
] as const;

function targetHref(item: Wire<AuditItem>): string | null {
  if (!item.target_id) return null;
  if (item.target_type === "user") return `/admin/users/${item.target_id}`;
  if (item.target_type === "generation") return `/admin/generations/${item.target_id}`;
  if (item.target_type === "model") return "/admin/models";
  if (item.target_type === "setting") return "/admin/settings";
  if (item.target_type === "provider_token") return "/admin/keys";
  return null;
}

export function AuditPanel({ initialPage, initialAction }: { initialPage: number; initialAction: string }) {
  const [page, setPage] = useState(initialPage);
  const [action, setAction] = useState(initialAction);
  useEffect(() => replaceQuery({ action, page: page > 1 ? page : null }), [action, page]);

  const log = useQuery({
    queryKey: adminKeys.audit(page, action),
    queryFn: ({ signal }) =>
      fetchJson<AuditPage>(`/api/admin/audit?${new URLSearchParams({ page: String(page), action })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Audit log"
        description="Every admin action: who did what to which record, with the values before and after."
        actions={
          <InlineSelect
            id="audit-action"
            label="Show"
            className="w-48"
            value={action}
            onChange={(event) => {
              setAction(event.target.value);
              setPage(1);
            }}
          >
            <option value="">All actions</option>
            {ACTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </InlineSelect>
        }
      />
      <QueryError error={log.error} />
      <ol className="flex flex-col gap-2" aria-busy={log.isFetching} aria-label="Audit entries">
        {log.data?.items.length === 0 ? (
          <li className="rounded-xl border border-dashed p-8 text-center text-muted-foreground text-sm">
            No admin actions recorded yet.
          </li>
        ) : null}
        {log.data?.items.map((item) => {
          const href = targetHref(item);
          const target = item.target_label ?? item.target_id ?? "—";
          return (
            <li key={item.id} className="rounded-xl border bg-card p-3 shadow-xs sm:p-4">
              <details>
                <summary className="flex cursor-pointer flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
                  <span className="whitespace-nowrap text-muted-foreground text-xs sm:w-44">
                    {formatDateTime(item.created_at)}
                  </span>
                  <Badge variant="secondary" className="font-mono">
                    {item.action}
                  </Badge>
                  {/* Plain text here: a link inside <summary> is a control inside a control. */}
                  <span className="min-w-0 truncate text-sm">
                    <span className="text-muted-foreground">{item.target_type} </span>
                    {target}
                  </span>
                  <span className="min-w-0 truncate text-muted-foreground text-xs sm:ml-auto">
                    by {item.actor_email ?? item.actor_id ?? "unknown"}
                  </span>
                </summary>
                {href ? (
                  <Link href={href} className="mt-3 inline-block text-sm underline underline-offset-4">
                    Open {item.target_type} {target}
                  </Link>
                ) : null}
                <div className="mt-3 grid gap-3 md:grid-cols-2">
                  <div className="flex flex-col gap-1">
                    <span className="text-muted-foreground text-xs">Before</span>
                    <JsonView value={item.before} />
                  </div>
                  <div className="flex flex-col gap-1">
                    <span className="text-muted-foreground text-xs">After</span>
                    <JsonView value={item.after} />
                  </div>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      <ResultPager data={log.data} onPage={setPage} noun="entries" />
    </div>
  );
}
