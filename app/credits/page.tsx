import type { Metadata } from "next";
import Link from "next/link";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getAuthUser } from "@/lib/auth";
import { plural } from "@/lib/plural";
import { getSetting } from "@/lib/settings/settings";
import { RequestCreditsButton } from "./request-credits-button";

export const metadata: Metadata = { title: "How to get credits" };

/** How credits work here, in the operator's words (Admin → Settings), and a way to ask for more. */
export default async function CreditsPage() {
  const [user, text] = await Promise.all([getAuthUser(), getSetting("credits_page")]);
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader
        title="How to get credits"
        description={user ? `You have ${plural(user.credits, "credit")}.` : "Credits pay for generations."}
      />
      <Card>
        <CardContent className="flex flex-col gap-4">
          {/* Plain text with line breaks kept: the operator's words never become markup. */}
          {paragraphs.map((paragraph) => (
            <p key={paragraph} className="whitespace-pre-line leading-relaxed">
              {paragraph}
            </p>
          ))}
          <div className="pt-2">
            {user ? (
              <RequestCreditsButton />
            ) : (
              <Button asChild variant="brand">
                <Link href="/login?next=/credits">Sign in to request credits</Link>
              </Button>
            )}
          </div>
        </CardContent>
      </Card>
    </PageContainer>
  );
}
