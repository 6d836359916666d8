import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { AnalyzeTool } from "@/components/tools/analyze-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Analyze" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/analyze", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Analyze"
        description="Upload or pick an image: get a description and a prompt that would recreate it."
      />
      <AnalyzeTool initial={initial} />
    </PageContainer>
  );
}
