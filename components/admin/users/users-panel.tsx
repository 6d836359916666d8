"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SearchIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { UserPage } from "@/lib/admin/users/search-users";
import type { Role } from "@/lib/auth/types";
import { formatBytes } from "@/lib/format-bytes";
import { cn } from "@/lib/utils";
import { AdminHeader } from "../admin-header";
import { RoleBadge, UserStatusBadge } from "../badges";
import { formatDateTime, formatNumber } from "../format";
import { ResultPager } from "../pager";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import { DataTable, EmptyRow, LoadingRows, Td, Th } from "../table";
import { replaceQuery } from "../url-state";
import type { Wire } from "../wire";

const COLUMNS = 7;

export function UsersPanel({ initialQuery, initialPage }: { initialQuery: string; initialPage: number }) {
  const [text, setText] = useState(initialQuery);
  const [q, setQ] = useState(initialQuery);
  const [page, setPage] = useState(initialPage);

  // Search as the admin types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() === q) return;
      setQ(text.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, q]);

  useEffect(() => replaceQuery({ q, page: page > 1 ? page : null }), [q, page]);

  const users = useQuery({
    queryKey: adminKeys.users(q, page),
    queryFn: ({ signal }) =>
      fetchJson<Wire<UserPage>>(`/api/admin/users?${new URLSearchParams({ q, page: String(page) })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Users"
        description="Find people, check their usage, adjust credits, roles and access."
      />
      <search className="flex flex-col gap-2 sm:max-w-md">
        <Label htmlFor="user-search">Search users</Label>
        <div className="relative">
          <SearchIcon
            aria-hidden
            className="pointer-events-none absolute top-3 left-3 size-4 text-muted-foreground"
          />
          <Input
            id="user-search"
            type="search"
            className="pl-9"
            placeholder="Email, name or Telegram ID"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
        </div>
      </search>
      <QueryError error={users.error} />
      <DataTable aria-label="Users" aria-busy={users.isFetching}>
        <thead>
          <tr>
            <Th>User</Th>
            <Th className="hidden sm:table-cell">Role</Th>
            <Th className="text-right">Credits</Th>
            <Th className="hidden text-right sm:table-cell">Generations</Th>
            <Th className="hidden text-right md:table-cell">Storage</Th>
            <Th className="hidden md:table-cell">Last activity</Th>
            <Th className="hidden lg:table-cell">Joined</Th>
          </tr>
        </thead>
        <tbody>
          {users.isPending ? <LoadingRows colSpan={COLUMNS} /> : null}
          {users.data?.items.length === 0 ? (
            <EmptyRow colSpan={COLUMNS}>{q ? `No users match “${q}”.` : "No users yet."}</EmptyRow>
          ) : null}
          {users.data?.items.map((user) => (
            <tr key={user.id} className="hover:bg-muted/40">
              <Td className="max-w-[14rem] sm:max-w-64">
                <Link
                  href={`/admin/users/${user.id}`}
                  className="block truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
                >
                  {user.email ??
                    user.display_name ??
                    (user.telegram_id ? `Telegram ${user.telegram_id}` : user.id)}
                </Link>
                <span className="block truncate text-muted-foreground text-xs">
                  {[user.display_name, user.telegram_id ? `tg ${user.telegram_id}` : null]
                    .filter(Boolean)
                    .join(" · ") || "—"}
                </span>
                <Badges role={user.role} status={user.status} className="mt-1.5 sm:hidden" />
              </Td>
              <Td className="hidden sm:table-cell">
                <Badges role={user.role} status={user.status} />
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(user.credits)}</Td>
              <Td className="hidden text-right tabular-nums sm:table-cell">
                {formatNumber(user.generation_count)}
              </Td>
              <Td className="hidden whitespace-nowrap text-right tabular-nums md:table-cell">
                {formatBytes(user.storage_bytes)}
              </Td>
              <Td className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
                {formatDateTime(user.last_activity_at)}
              </Td>
              <Td className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
                {formatDateTime(user.created_at)}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <ResultPager data={users.data} onPage={setPage} noun="users" />
    </div>
  );
}

function Badges({
  role,
  status,
  className,
}: {
  role: Role;
  status: "active" | "banned";
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap gap-1", className)}>
      <RoleBadge role={role} />
      {status === "banned" ? <UserStatusBadge status="banned" /> : null}
    </div>
  );
}
