import type { Metadata } from "next";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { PromptBuilder } from "@/components/tools/prompt-builder";
import { toolPageStart } from "@/components/tools/tool-page";

export const metadata: Metadata = { title: "Prompt builder" };

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  await toolPageStart("/tools/prompt-builder", await searchParams);
  return (
    <PageContainer>
      <PageHeader
        title="Prompt builder"
        description="Choose what matters; the prompt writes itself, and stays yours to edit."
      />
      <PromptBuilder />
    </PageContainer>
  );
}
