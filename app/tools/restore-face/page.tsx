import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { SingleImageTool } from "@/components/tools/single-image-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Restore face" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/restore-face", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Restore face"
        description="Repair blurred or damaged faces; the picture keeps its size."
      />
      <SingleImageTool tool="face_restore" actionLabel="Restore" initial={initial} />
    </PageContainer>
  );
}
