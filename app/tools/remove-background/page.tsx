import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { SingleImageTool } from "@/components/tools/single-image-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Remove background" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/remove-background", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Remove background"
        description="Cut out the subject: a transparent PNG you can place anywhere."
      />
      <SingleImageTool tool="remove_background" actionLabel="Remove background" initial={initial} />
    </PageContainer>
  );
}
