import type { Metadata } from "next";
import { AuditPanel } from "@/components/admin/audit/audit-panel";
import { firstParam } from "@/components/admin/url-state";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin/audit");
  const params = await searchParams;
  const page = Number.parseInt(firstParam(params.page), 10);
  return (
    <AuditPanel
      initialPage={Number.isFinite(page) && page > 0 ? page : 1}
      initialAction={firstParam(params.action)}
    />
  );
}
