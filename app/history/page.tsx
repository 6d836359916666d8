import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { galleryHref, parseGalleryState } from "@/components/gallery/gallery-filters";
import { GalleryView } from "@/components/gallery/gallery-view";
import { GridSkeleton } from "@/components/generations/history-grid";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { GenerationsProvider } from "@/contexts/generations-context";
import { getAuthUser } from "@/lib/auth";
import { getSetting } from "@/lib/settings/settings";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const state = parseGalleryState(await searchParams);
  if (!(await getAuthUser())) redirect(`/login?next=${encodeURIComponent(galleryHref(state))}`);
  const retentionDays = await getSetting("trash_retention_days");
  return (
    <PageContainer>
      <PageHeader
        title="History"
        description="Everything you have made: search it, star and tag it, download or tidy it up."
      />
      <GenerationsProvider>
        <Suspense fallback={<GridSkeleton />}>
          <GalleryView retentionDays={retentionDays} />
        </Suspense>
      </GenerationsProvider>
    </PageContainer>
  );
}
