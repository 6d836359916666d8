import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SessionsView } from "@/components/sessions/sessions-view";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  if (!(await getAuthUser())) redirect("/login?next=/workspaces");
  return (
    <PageContainer>
      <PageHeader
        title="Workspaces"
        description="Sessions of work: every generation with the steps that led to it and those that came from it."
      />
      <SessionsView />
    </PageContainer>
  );
}
