import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FlowList } from "@/components/flows/list/flow-list";
import { NewFlowDialog } from "@/components/flows/list/new-flow-dialog";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage() {
  if (!(await getAuthUser())) redirect(`/login?next=${encodeURIComponent("/flows")}`);
  return (
    <PageContainer>
      <PageHeader
        title="Flows"
        description="Chained generations that re-run only what changed, priced before you run them."
        actions={<NewFlowDialog />}
      />
      <FlowList />
    </PageContainer>
  );
}
