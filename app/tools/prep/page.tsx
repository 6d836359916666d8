import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { PrepTool } from "@/components/tools/prep-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Image prep" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/prep", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Image prep"
        description="Crop, rotate and flip an image; the result is saved as a new upload."
      />
      <PrepTool initial={initial} />
    </PageContainer>
  );
}
