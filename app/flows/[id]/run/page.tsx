import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SimpleRun } from "@/components/flows/simple/simple-run";
import { firstParam, type SearchParams } from "@/components/generations/search-params";
import { PageContainer } from "@/components/shell/page-container";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Run a flow" };

/** A flow's simple mode: its inputs as a form, Run, and the results live; `?run=` shows a run. */
export default async function SimpleRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const run = firstParam((await searchParams).run) ?? null;
  if (!(await getAuthUser())) {
    const back = `/flows/${id}/run${run ? `?run=${encodeURIComponent(run)}` : ""}`;
    redirect(`/login?next=${encodeURIComponent(back)}`);
  }
  return (
    <PageContainer>
      <SimpleRun key={`${id}-${run}`} id={id} runId={run} />
    </PageContainer>
  );
}
