"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchJson } from "@/components/providers/fetch-json";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import type { UserDetail } from "@/lib/admin/users/types";
import { formatBytes } from "@/lib/format-bytes";
import { AdminHeader, Stat } from "../admin-header";
import { RoleBadge, UserStatusBadge } from "../badges";
import { BackLink, DetailPending } from "../detail-state";
import { formatDateTime, formatNumber } from "../format";
import { adminKeys } from "../query-keys";
import type { Wire } from "../wire";
import { AccessCard } from "./access-card";
import { AdjustCreditsForm } from "./adjust-credits-form";
import { LedgerTable } from "./ledger-table";
import { RoleForm } from "./role-form";

export type UserDetailWire = Wire<UserDetail>;

const STATUS_ORDER = ["completed", "failed", "canceled", "processing", "queued"] as const;

export function UserDetailPanel({
  userId,
  viewer,
}: {
  userId: string;
  viewer: { id: string; superAdmin: boolean };
}) {
  const detail = useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: ({ signal }) => fetchJson<UserDetailWire>(`/api/admin/users/${userId}`, { signal }),
  });

  const back = <BackLink href="/admin/users">All users</BackLink>;

  if (detail.error || !detail.data)
    return (
      <DetailPending back={back} error={detail.error}>
        <Skeleton className="h-8 w-64" />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {STATUS_ORDER.slice(0, 4).map((s) => (
            <Skeleton key={s} className="h-24" />
          ))}
        </div>
      </DetailPending>
    );

  const { user, usage, ledger } = detail.data;
  const total = Object.values(usage.by_status).reduce((sum, n) => sum + n, 0);
  const isSelf = user.id === viewer.id;
  const title =
    user.email ?? user.display_name ?? (user.telegram_id ? `Telegram ${user.telegram_id}` : "User");

  return (
    <div className="flex flex-col gap-6">
      {back}
      <AdminHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RoleBadge role={user.role} />
            <UserStatusBadge status={user.status} />
            {user.display_name && user.email ? <span>{user.display_name}</span> : null}
            {user.telegram_id ? <span>Telegram {user.telegram_id}</span> : null}
            <span>Joined {formatDateTime(user.created_at)}</span>
          </span>
        }
        actions={<CopyButton value={user.id} label="Copy ID" />}
      />

      <section aria-label="Usage" className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="Credits" value={<span data-testid="user-credits">{formatNumber(user.credits)}</span>} />
        <Stat
          label="Generations"
          value={formatNumber(total)}
          hint={
            STATUS_ORDER.filter((s) => usage.by_status[s])
              .map((s) => `${usage.by_status[s]} ${s}`)
              .join(" · ") || "None yet"
          }
        />
        <Stat
          label="Storage"
          value={<span data-testid="user-storage">{formatBytes(user.storage_bytes)}</span>}
        />
        <Stat
          label="Credits spent"
          value={formatNumber(usage.net_spent)}
          hint={`${formatNumber(usage.charged)} charged − ${formatNumber(usage.refunded)} refunded`}
        />
        <Stat
          label="Last activity"
          value={<span className="text-base">{formatDateTime(usage.last_generation_at)}</span>}
          hint={`Last sign-in ${formatDateTime(usage.last_sign_in_at)}`}
        />
      </section>

      <div className="grid gap-4 lg:grid-cols-3">
        <AdjustCreditsForm userId={user.id} credits={user.credits} />
        <RoleForm user={user} canChange={viewer.superAdmin && !isSelf} isSelf={isSelf} />
        <AccessCard user={user} isSelf={isSelf} viewerSuperAdmin={viewer.superAdmin} />
      </div>

      <section aria-labelledby="ledger-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="ledger-heading" className="font-semibold text-lg">
            Credit ledger
          </h2>
          <Link
            href={`/admin/generations?${new URLSearchParams({ email: user.email ?? "" })}`}
            className="text-sm underline-offset-4 hover:underline"
          >
            View their generations
          </Link>
        </div>
        <LedgerTable entries={ledger} />
      </section>
    </div>
  );
}
