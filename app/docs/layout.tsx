import type { ReactNode } from "react";
import { DocsNav } from "@/components/docs/docs-nav";
import { PageContainer } from "@/components/shell/page-container";

export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <PageContainer>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[12rem_minmax(0,1fr)] md:gap-10">
        <aside>
          <DocsNav />
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </PageContainer>
  );
}
