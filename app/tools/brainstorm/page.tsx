import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { BrainstormTool } from "@/components/tools/analyze-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Brainstorm" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  await toolPageStart("/tools/brainstorm", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Brainstorm"
        description="Give a theme, get prompt ideas; each is one click from creating."
      />
      <BrainstormTool />
    </PageContainer>
  );
}
