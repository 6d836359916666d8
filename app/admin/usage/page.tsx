import type { Metadata } from "next";
import { UsagePanel } from "@/components/admin/usage/usage-panel";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Usage" };

export default async function AdminUsagePage() {
  await requireAdminPage("/admin/usage");
  return <UsagePanel />;
}
