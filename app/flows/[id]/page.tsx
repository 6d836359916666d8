import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FlowPage } from "@/components/flows/flow-page";
import { firstParam, type SearchParams } from "@/components/generations/search-params";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Flow" };

export default async function FlowEditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const query = await searchParams;
  const run = firstParam(query.run) ?? null;
  const version = firstParam(query.version) ?? null;
  if (!(await getAuthUser())) {
    const back = new URLSearchParams();
    if (run) back.set("run", run);
    if (version) back.set("version", version);
    redirect(`/login?next=${encodeURIComponent(`/flows/${id}${back.size > 0 ? `?${back}` : ""}`)}`);
  }
  // Keyed by what is shown, so switching between a run and the editable flow starts afresh.
  return <FlowPage key={`${id}-${run}-${version}`} id={id} runId={run} versionId={version} />;
}
