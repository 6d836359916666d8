import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { KeyframesTool } from "@/components/tools/keyframes-tool";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Keyframes" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const initial = await toolPageStart("/tools/keyframes", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Keyframes"
        description="Pick a first and a last frame; the model animates from one to the other."
      />
      <KeyframesTool initial={initial} />
    </PageContainer>
  );
}
