import type { Metadata } from "next";
import { firstParam } from "@/components/admin/url-state";
import { UsersPanel } from "@/components/admin/users/users-panel";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin/users");
  const params = await searchParams;
  const page = Number.parseInt(firstParam(params.page), 10);
  return (
    <UsersPanel
      initialQuery={firstParam(params.q)}
      initialPage={Number.isFinite(page) && page > 0 ? page : 1}
    />
  );
}
