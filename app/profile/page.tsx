import { ChevronRightIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TelegramLogin } from "@/components/auth/telegram-login";
import { EmailNotificationsToggle } from "@/components/notifications/email-notifications-toggle";
import { ApiKeysCard } from "@/components/profile/api-keys/api-keys-card";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAuthUser } from "@/lib/auth";
import type { Role } from "@/lib/auth/types";
import { notificationRecipient } from "@/lib/db/notifications";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/format-bytes";
import { storageUsage } from "@/lib/gallery/storage-usage";

export const metadata: Metadata = { title: "Profile" };

const ROLE_LABELS: Record<Role, string> = { user: "User", admin: "Admin", super_admin: "Super admin" };

export default async function ProfilePage() {
  const user = await getAuthUser();
  if (!user) redirect("/login?next=/profile");
  const bot = env.TELEGRAM_BOT_USERNAME;
  const [recipient, usage] = await Promise.all([notificationRecipient(user.id), storageUsage(user.id)]);

  return (
    <PageContainer className="max-w-3xl">
      <PageHeader
        title="Profile"
        description="Your account, sign-in methods, credit balance, API keys and webhooks."
      />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y">
              <Row term="Email">{user.email ?? <span className="text-muted-foreground">No email</span>}</Row>
              {user.displayName ? <Row term="Name">{user.displayName}</Row> : null}
              <Row term="Role">
                <Badge variant={user.role === "user" ? "secondary" : "brand"}>{ROLE_LABELS[user.role]}</Badge>
              </Row>
              <Row term="Credits">
                <span className="font-semibold tabular-nums">{user.credits.toLocaleString("en-US")}</span>
              </Row>
              <Row term="Storage">
                <span className="tabular-nums" data-testid="storage-usage">
                  {formatBytes(usage.bytes)} in {usage.files.toLocaleString("en-US")}{" "}
                  {usage.files === 1 ? "file" : "files"}
                </span>
              </Row>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Telegram</CardTitle>
            <CardDescription>Link Telegram to sign in with it too.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <dl>
              <Row term="Status">
                {user.telegramId ? (
                  <Badge variant="success">Linked · ID {user.telegramId}</Badge>
                ) : (
                  <Badge variant="outline">Not linked</Badge>
                )}
              </Row>
            </dl>
            {!user.telegramId && bot ? <TelegramLogin botUsername={bot} /> : null}
            {!user.telegramId && !bot ? (
              <p className="text-muted-foreground text-sm">Telegram sign-in is not set up on this server.</p>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Notifications</CardTitle>
            <CardDescription>The bell in the header lists finished long jobs and failures.</CardDescription>
          </CardHeader>
          <CardContent>
            <EmailNotificationsToggle
              initial={recipient?.emailNotifications ?? true}
              hasEmail={Boolean(user.email)}
            />
          </CardContent>
        </Card>

        <ApiKeysCard />

        <Card>
          <CardHeader>
            <CardTitle>Webhooks</CardTitle>
            <CardDescription>
              Get called back at your own URL when generations and flow runs finish.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline" className="w-full sm:w-auto">
              <Link href="/profile/webhooks">
                Manage webhooks
                <ChevronRightIcon />
              </Link>
            </Button>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Session</CardTitle>
            <CardDescription>Sign out of Atelier on this device.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignOutButton className="w-full sm:w-auto" />
          </CardContent>
        </Card>
      </div>
    </PageContainer>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 first:pt-0 last:pb-0">
      <dt className="text-muted-foreground text-sm">{term}</dt>
      <dd className="min-w-0 break-all text-right text-sm">{children}</dd>
    </div>
  );
}
