import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { ExpandTool } from "@/components/tools/expand-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Expand" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/expand", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Expand"
        description="Give an image more room: a new shape, with the image where you put it."
      />
      <ExpandTool initial={initial} />
    </PageContainer>
  );
}
