import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { emailSchema } from "@/lib/auth/schemas";
import { devMailboxEnabled } from "@/lib/mail/dev-mailbox";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Params = Promise<{ tool: string }>;

// Development only (lib/mail/dev-mailbox.ts): it shows sign-in codes, so it must not exist
// anywhere else. A production build lists no /dev path at all, and with dynamicParams off
// Next answers 404 before rendering (a notFound() from the page itself would come after the
// root loading state has streamed, as a 200).
export const dynamicParams = false;

export function generateStaticParams(): { tool: string }[] {
  return devMailboxEnabled() ? [{ tool: "mailbox" }] : [];
}

export default async function DevMailboxPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  if ((await params).tool !== "mailbox" || !devMailboxEnabled()) notFound();
  const query = await searchParams;
  const raw = typeof query.to === "string" ? query.to.trim() : "";
  const to = raw ? emailSchema.safeParse(raw) : null;
  const messages = to?.success === false ? [] : await listOutbox(to?.data ?? null);

  return (
    <PageContainer className="max-w-3xl">
      <PageHeader
        title="Dev mailbox"
        description="Mail this development server would have sent, newest first. Only under next dev."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={raw ? `/dev/mailbox?to=${encodeURIComponent(raw)}` : "/dev/mailbox"}>Refresh</Link>
          </Button>
        }
      />
      <form action="/dev/mailbox" className="mb-6 flex gap-2">
        <label htmlFor="to" className="sr-only">
          Filter by recipient
        </label>
        <Input id="to" name="to" type="email" placeholder="Filter by recipient" defaultValue={raw} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {raw ? (
          <Button asChild variant="ghost">
            <Link href="/dev/mailbox">Clear</Link>
          </Button>
        ) : null}
      </form>
      {to?.success === false ? <FormMessage>That is not a valid email address.</FormMessage> : null}
      {to?.success !== false && messages.length === 0 ? (
        <p className="rounded-xl border border-dashed p-8 text-center text-muted-foreground text-sm">
          No mail yet. Request a code on the sign-in page, then refresh.
        </p>
      ) : null}
      <ol className="flex flex-col gap-3">
        {messages.map((message) => {
          const code = /\b(\d{6})\b/.exec(message.subject)?.[1] ?? /\b(\d{6})\b/.exec(message.text)?.[1];
          return (
            <li key={message.id}>
              <Card className="gap-3 py-4">
                <CardHeader className="px-4">
                  <CardTitle className="break-words text-base">{message.subject}</CardTitle>
                  <CardDescription className="flex flex-wrap gap-x-3">
                    <span className="break-all">To {message.to}</span>
                    <time dateTime={new Date(message.created_at).toISOString()}>
                      {new Date(message.created_at).toISOString().replace("T", " ").slice(0, 19)} UTC
                    </time>
                  </CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-3 px-4">
                  {code ? (
                    <div className="flex items-center gap-3">
                      <code className="rounded-md bg-muted px-3 py-1.5 font-mono font-semibold text-xl tracking-[0.3em]">
                        {code}
                      </code>
                      <CopyButton value={code} label="Copy code" />
                    </div>
                  ) : null}
                  <p className="whitespace-pre-wrap break-words text-muted-foreground text-sm">
                    {message.text}
                  </p>
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ol>
    </PageContainer>
  );
}
