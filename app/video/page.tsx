import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreatePanel } from "@/components/generations/create-panel";
import { firstParam, type SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { GenerationsProvider } from "@/contexts/generations-context";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Video" };

export default async function VideoPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAuthUser())) redirect("/login?next=/video");
  const params = await searchParams;
  return (
    <PageContainer>
      <PageHeader
        title="Video"
        description="Turn text or a still image into a short clip. Videos take a few minutes; this page updates by itself."
      />
      <GenerationsProvider kind="video">
        <CreatePanel
          kind="video"
          initialModel={firstParam(params.model)}
          initialImage={firstParam(params.image)}
          parentId={firstParam(params.parent)}
        />
      </GenerationsProvider>
    </PageContainer>
  );
}
