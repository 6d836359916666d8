import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { TOOL_PAGES } from "@/components/tools/tool-list";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Tools" };

export default async function ToolsPage() {
  if (!(await getAuthUser())) redirect("/login?next=/tools");
  return (
    <PageContainer>
      <PageHeader
        title="Tools"
        description="Fix, extend and rework images, find words for them, and animate between two."
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {TOOL_PAGES.map((tool) => (
          <li key={tool.href}>
            <Link
              href={tool.href}
              className="block h-full rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <Card className="h-full transition-colors hover:border-foreground/30">
                <CardHeader>
                  <tool.icon aria-hidden className="mb-2 size-5 text-brand" />
                  <CardTitle className="text-base">{tool.title}</CardTitle>
                  <CardDescription>{tool.description}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </PageContainer>
  );
}
