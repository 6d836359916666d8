import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WebhooksPanel } from "@/components/profile/webhooks/webhooks-panel";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { Button } from "@/components/ui/button";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  if (!(await getAuthUser())) redirect("/login?next=/profile/webhooks");
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader
        title="Webhooks"
        description="Get called back when your generations and flow runs finish."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/profile">
              <ArrowLeftIcon />
              Profile
            </Link>
          </Button>
        }
      />
      <WebhooksPanel />
    </PageContainer>
  );
}
