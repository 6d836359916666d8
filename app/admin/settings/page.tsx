import type { Metadata } from "next";
import { SettingsPanel } from "@/components/admin/settings/settings-panel";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Settings" };

export default async function AdminSettingsPage() {
  await requireAdminPage("/admin/settings");
  return <SettingsPanel />;
}
