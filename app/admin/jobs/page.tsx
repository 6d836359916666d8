import type { Metadata } from "next";
import { JobsPanel } from "@/components/admin/jobs/jobs-panel";
import { firstParam } from "@/components/admin/url-state";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Jobs" };

export default async function AdminJobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin/jobs");
  const params = await searchParams;
  return <JobsPanel initialState={firstParam(params.state)} />;
}
