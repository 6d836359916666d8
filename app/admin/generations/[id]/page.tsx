import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GenerationDetailPanel } from "@/components/admin/generations/generation-detail-panel";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { isUuid } from "@/lib/admin/params";

export const metadata: Metadata = { title: "Generation" };

export default async function AdminGenerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/generations/${id}`);
  if (!isUuid(id)) notFound();
  return <GenerationDetailPanel generationId={id.toLowerCase()} />;
}
