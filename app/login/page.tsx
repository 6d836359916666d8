import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailCodeForm } from "@/components/auth/email-code-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { TelegramLogin } from "@/components/auth/telegram-login";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { getAuthUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/protected-routes";
import { env, mode } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  if (await getAuthUser()) redirect(next);
  const bot = env.TELEGRAM_BOT_USERNAME;
  const supabase =
    mode.auth === "supabase" && env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY
      ? { url: env.NEXT_PUBLIC_SUPABASE_URL, key: env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY }
      : null;

  return (
    <div className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center sm:py-16">
      <Card className="w-full max-w-sm gap-6 py-6">
        <CardHeader className="px-6">
          <h1 className="font-semibold text-2xl leading-tight tracking-tight">Sign in</h1>
          <CardDescription>
            {supabase
              ? "Use your Google or Telegram account. New here? Signing in creates your account."
              : "We'll email you a one-time code. New here? Signing in creates your account."}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5 px-6">
          {/* Only a generic message: echoing the query string would let a link put words in our mouth. */}
          {params.error ? <FormMessage>Sign-in did not complete. Please try again.</FormMessage> : null}
          {supabase ? (
            <OAuthButtons supabaseUrl={supabase.url} supabaseKey={supabase.key} next={next} />
          ) : (
            <EmailCodeForm next={next} mailboxHint={mode.email === "mailbox"} />
          )}
          {bot ? (
            <>
              <Divider />
              <TelegramLogin botUsername={bot} next={next} />
            </>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}

function Divider() {
  return (
    <div className="flex items-center gap-3 text-muted-foreground text-xs uppercase tracking-wide">
      <span aria-hidden className="h-px flex-1 bg-border" />
      or
      <span aria-hidden className="h-px flex-1 bg-border" />
    </div>
  );
}
