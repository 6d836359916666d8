import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { HistoryFilterBar, historyHref, parseHistoryFilters } from "@/components/generations/history-filters";
import { HistoryGrid } from "@/components/generations/history-grid";
import type { SearchParams } from "@/components/generations/search-params";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { GenerationsProvider } from "@/contexts/generations-context";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = parseHistoryFilters(await searchParams);
  if (!(await getAuthUser())) redirect(`/login?next=${encodeURIComponent(historyHref(filters))}`);
  return (
    <PageContainer>
      <PageHeader title="History" description="Everything you have made. Open any result to reuse it." />
      <div className="flex flex-col gap-6">
        <HistoryFilterBar filters={filters} />
        <GenerationsProvider>
          {/* Keyed by filter so each filter starts at its own first page. */}
          <HistoryGrid
            key={`${filters.kind}-${filters.status}`}
            kind={filters.kind}
            status={filters.status}
          />
        </GenerationsProvider>
      </div>
    </PageContainer>
  );
}
