import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { InpaintTool } from "@/components/tools/inpaint-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Inpaint" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/inpaint", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Inpaint"
        description="Paint over what should change, say what goes there; the rest stays as it was."
      />
      <InpaintTool initial={initial} />
    </PageContainer>
  );
}
