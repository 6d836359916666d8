import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { SingleImageTool } from "@/components/tools/single-image-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Upscale" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/upscale", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Upscale"
        description="Make an image bigger and sharper. Compare before and after with the slider."
      />
      <SingleImageTool tool="upscale" actionLabel="Upscale" initial={initial} />
    </PageContainer>
  );
}
