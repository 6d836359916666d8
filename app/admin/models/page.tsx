import type { Metadata } from "next";
import { ModelsPanel } from "@/components/admin/models/models-panel";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Models" };

export default async function AdminModelsPage() {
  await requireAdminPage("/admin/models");
  return <ModelsPanel />;
}
